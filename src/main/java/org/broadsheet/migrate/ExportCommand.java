package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.broadsheet.support.CliCommand;
import org.springframework.stereotype.Component;

/** {@code export FILE [--with-secrets]}: the whole site in one archive. */
@Component
class ExportCommand implements CliCommand {

    private final SiteExporter exporter;

    ExportCommand(SiteExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public String name() {
        return "export";
    }

    /** Listed in META-INF/spring.factories: the launcher checks the arguments before the database starts. */
    static final class Syntax extends OneFileSyntax {

        Syntax() {
            super("export", "FILE.zip [--with-secrets]", "write the whole site (content, media, accounts) to one archive",
                    Set.of(), Set.of("--with-secrets"));
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
        boolean secrets = parsed.flag("--with-secrets");
        SiteExporter.Summary summary = exporter.export(Path.of(parsed.positional().get(0)), secrets);
        out.println("Exported to " + parsed.positional().get(0) + (secrets ? " (with password hashes and secret settings)"
                : " (without password hashes or secret settings; add --with-secrets to include them)"));
        summary.rows().forEach((table, n) -> out.printf("  %-28s %,d rows%n", table, n));
        out.printf("  %-28s %,d files%n", "media", summary.mediaFiles());
        return 0;
    }
}
