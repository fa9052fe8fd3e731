package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

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

    @Override
    public String summary() {
        return "FILE.zip [--with-secrets]  write the whole site (content, media, accounts) to one archive";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed = CommandArgs.parse(args);
        if (parsed.positional().size() != 1) {
            err.println("Usage: export FILE.zip [--with-secrets]");
            return 2;
        }
        String problem = CommandArgs.unwritableOutput(Path.of(parsed.positional().get(0)));
        if (problem != null) {
            err.println("export: " + problem);
            return 1;
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
