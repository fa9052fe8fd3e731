package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.CliCommand;
import org.springframework.stereotype.Component;

/** {@code export-wxr FILE.xml}: the site as a WordPress export, so that no one is locked in. */
@Component
class ExportWxrCommand implements CliCommand {

    private final WxrWriter writer;

    ExportWxrCommand(WxrWriter writer) {
        this.writer = writer;
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
        return 0;
    }
}
