package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.CliCommand;
import org.springframework.stereotype.Component;

/** {@code export-wxr FILE.xml}: the site as a WordPress export, so that no one is locked in. */
@Component
class ExportWxrCommand implements CliCommand {

    private final WxrWriter writer;
    private final BroadsheetProperties properties;

    ExportWxrCommand(WxrWriter writer, BroadsheetProperties properties) {
        this.writer = writer;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "export-wxr";
    }

    @Override
    public String summary() {
        return "FILE.xml  write the site as a WordPress export (WXR 1.2)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed = CommandArgs.parse(args);
        if (parsed.positional().size() != 1) {
            err.println("Usage: export-wxr FILE.xml");
            return 2;
        }
        String problem = CommandArgs.unwritableOutput(Path.of(parsed.positional().get(0)));
        if (problem != null) {
            err.println("export-wxr: " + problem);
            return 1;
        }
        WxrWriter.Counts counts = writer.write(Path.of(parsed.positional().get(0)));
        out.printf("Wrote %s: %,d posts, %,d comments, %,d attachments (WXR 1.2; import it in WordPress under Tools › Import › WordPress)%n",
                parsed.positional().get(0), counts.posts(), counts.comments(), counts.attachments());
        if (properties.baseUrl().isEmpty()) {
            // WordPress downloads each image from its address in the file: one on localhost is not there.
            err.println("export-wxr: broadsheet.base-url is not set, so the file's links and images point at "
                    + WxrWriter.UNSET_BASE + "; to let WordPress fetch the images, run it again with "
                    + "--broadsheet.base-url=https://your-journal.example");
        }
        return 0;
    }
}
