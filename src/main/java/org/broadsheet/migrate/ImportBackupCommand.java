package org.broadsheet.migrate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.CliCommand;
import org.springframework.stereotype.Component;

/** {@code import-backup FILE}: restores an archive written by {@code export} into an empty instance. */
@Component
class ImportBackupCommand implements CliCommand {

    private final SiteRestorer restorer;

    ImportBackupCommand(SiteRestorer restorer) {
        this.restorer = restorer;
    }

    @Override
    public String name() {
        return "import-backup";
    }

    @Override
    public String summary() {
        return "FILE.zip  restore an archive written by export into an empty instance";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed = CommandArgs.parse(args);
        if (parsed.positional().size() != 1) {
            err.println("Usage: import-backup FILE.zip");
            return 2;
        }
        Path file = Path.of(parsed.positional().get(0));
        String problem = CommandArgs.unreadableInput(file);
        if (problem != null) {
            err.println("import-backup: " + problem);
            return 1;
        }
        try {
            SiteRestorer.Summary summary = restorer.restore(file);
            out.println("Restored " + file);
            summary.rows().forEach((table, n) -> out.printf("  %-28s %,d rows%n", table, n));
            out.printf("  %-28s %,d files%n", "media", summary.mediaFiles());
            summary.warnings().forEach(w -> out.println("Warning: " + w));
            return 0;
        } catch (BadRequestException e) {
            err.println("import-backup: " + e.getMessage());
            return 1;
        }
    }
}
