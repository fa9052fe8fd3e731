package org.broadsheet.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.CliCommand;
import org.springframework.stereotype.Component;

/** {@code import-backup FILE}: restores an archive written by {@code export} into an empty instance. */
@Component
class ImportBackupCommand implements CliCommand {

    private final SiteRestorer restorer;
    private final BroadsheetProperties properties;

    ImportBackupCommand(SiteRestorer restorer, BroadsheetProperties properties) {
        this.restorer = restorer;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "import-backup";
    }

    /**
     * Listed in META-INF/spring.factories: the launcher checks the arguments before the database starts. A file
     * that is not an archive (a text file, a WordPress export, an empty or cut-short file) is refused here, so
     * that no database is made for it. A pipe can be read only once: it is checked after it is copied.
     */
    static final class Syntax extends OneFileSyntax {

        Syntax() {
            super("import-backup", "FILE.zip", "restore an archive written by export into an empty instance",
                    Set.of(), Set.of());
        }

        @Override
        String problem(CommandArgs args) {
            Path file = Path.of(args.positional().get(0));
            String problem = CommandArgs.unreadableInput(file);
            return problem == null && Files.isRegularFile(file) ? BackupArchive.problem(file) : problem;
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
        Path file = Path.of(parsed.positional().get(0));
        Path copy = null;
        try {
            if (!Files.isRegularFile(file)) {
                copy = copyOfStream(file);
            }
            SiteRestorer.Summary summary = restorer.restore(copy == null ? file : copy, file.getFileName().toString());
            out.println("Restored " + file);
            summary.rows().forEach((table, n) -> out.printf("  %-28s %,d rows%n", table, n));
            out.printf("  %-28s %,d files%n", "media", summary.mediaFiles());
            summary.warnings().forEach(w -> out.println("Warning: " + w));
            return 0;
        } catch (BadRequestException e) {
            err.println("import-backup: " + e.getMessage());
            return 1;
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }

    /**
     * A pipe ({@code import-backup <(ssh backup 'cat site.zip')}) copied into the data folder: a zip archive is
     * read from its end (the table of contents) and then entry by entry, which a stream that can be read only once
     * does not allow. The data folder, because the restored media files go there too, so it has room for them.
     */
    private Path copyOfStream(Path file) throws IOException {
        Path dir = properties.dataDir().resolve("tmp");
        Files.createDirectories(dir);
        Path copy = Files.createTempFile(dir, "restore-", ".zip");
        try (InputStream in = Files.newInputStream(file)) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }
}
