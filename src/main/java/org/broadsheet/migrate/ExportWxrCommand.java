package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

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

    /** Listed in META-INF/spring.factories: the launcher checks the arguments before the database starts. */
    static final class Syntax extends OneFileSyntax {

        Syntax() {
            super("export-wxr", "FILE.xml", "write the site as a WordPress export (WXR 1.2)", Set.of(), Set.of());
        }

        @Override
        String problem(CommandArgs args) {
            return CommandArgs.unwritableOutput(Path.of(args.positional().get(0)));
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed;
        try {
            parsed = new Syntax().accept(args);
        } catch (CommandArgs.Refused e) {
            return e.reportTo(err);
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
