package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.testing.JarCommand;
import org.broadsheet.testing.JarCommand.Run;
import org.junit.jupiter.api.Test;

class CommandLauncherTest {

    @Test
    void recognisesCommandsAndSpringOptions() {
        assertThat(CommandLauncher.isCommand(new String[] {"reindex"})).isTrue();
        assertThat(CommandLauncher.isCommand(new String[] {"--server.port=9000"})).isFalse();
        assertThat(CommandLauncher.isCommand(new String[] {})).isFalse();
        assertThat(CommandLauncher.isSpringProperty("--broadsheet.data-dir=/x")).isTrue();
        assertThat(CommandLauncher.isSpringProperty("--media-dir")).isFalse();
        assertThat(CommandLauncher.isSpringProperty("--folds=5")).isFalse();
        // Any property may be given as on the server, with or without a value; Spring Boot's switches too.
        assertThat(CommandLauncher.isSpringProperty("--server.port")).isTrue();
        assertThat(CommandLauncher.isSpringProperty("--logging.level.org.broadsheet=DEBUG")).isTrue();
        assertThat(CommandLauncher.isSpringProperty("--debug")).isTrue();
        assertThat(CommandLauncher.isSpringProperty("--mediadir=/x")).isFalse();
    }

    /**
     * Starting the application creates the database and its schema: a command that cannot run must fail before
     * that, or every typo leaves a database (in ./data when no data directory is given).
     */
    @Test
    void aCommandThatCannotRunCreatesNoDatabase() throws Exception {
        Path input = Files.createTempFile("site", ".xml");
        try {
            for (String[] command : new String[][] {{"no-such-command"}, {"import-wxr"}, {"import-wxr", "no-such-file.xml"},
                    {"import-wxr", input.toString(), "--media-dir", "no-such-folder"}, {"import-backup", "no-such-file.zip"},
                    {"export", "no-such-folder/site.zip"}, {"reindex", "extra"}, {"spam-eval"}}) {
                String dir = "target/test-data/cli-refused-" + UUID.randomUUID();
                String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of(
                        "--broadsheet.data-dir=" + dir,
                        "--spring.datasource.url=jdbc:h2:file:${broadsheet.data-dir}/broadsheet;MODE=PostgreSQL"))
                        .toArray(String[]::new);
                Run run = run(args);
                assertThat(run.status()).as(String.join(" ", command)).isIn(1, 2);
                assertThat(run.output()).as(String.join(" ", command)).doesNotContain("Flyway").doesNotContain("\tat ");
                assertThat(Path.of(dir)).as(String.join(" ", command)).doesNotExist();
            }
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** A misspelt option was ignored: {@code --mediadir} imported without copying a single image, and exited 0. */
    @Test
    void anUnknownOptionIsRefusedWithTheOneMeant() throws Exception {
        Path input = Files.createTempFile("site", ".xml");
        String dir = "target/test-data/cli-option-" + UUID.randomUUID();
        try {
            Run wxr = run(new String[] {"import-wxr", input.toString(), "--mediadir=/tmp", "--broadsheet.data-dir=" + dir});
            assertThat(wxr.status()).isEqualTo(2);
            assertThat(wxr.output()).contains("import-wxr: Unknown option --mediadir (did you mean --media-dir?)")
                    .contains("Usage: import-wxr FILE.xml [--media-dir DIR]");
            Run export = run(new String[] {"export", "site.zip", "--with-secret", "--broadsheet.data-dir=" + dir});
            assertThat(export.status()).isEqualTo(2);
            assertThat(export.output()).contains("export: Unknown option --with-secret (did you mean --with-secrets?)");
            Run far = run(new String[] {"export-wxr", "site.xml", "--everything", "--broadsheet.data-dir=" + dir});
            assertThat(far.output()).contains("export-wxr: Unknown option --everything").doesNotContain("did you mean");
            assertThat(Path.of(dir)).doesNotExist();
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** A command prints what it has to say and nothing else: no log lines of the start-up around it. */
    @Test
    void unknownCommandFailsWithTheListOfCommands() {
        Run run = run(new String[] {"no-such-command",
                "--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--broadsheet.data-dir=target/test-data/cli-" + UUID.randomUUID()});
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("Unknown command: no-such-command").contains("Commands:")
                .containsPattern("import-wxr +FILE.xml \\[--media-dir DIR\\]  import a WordPress export")
                .doesNotContain(" WARN ").doesNotContain("Flyway");
    }

    /**
     * H2 refuses "implicitly relative" file paths; a data directory given as {@code site-dir} must work all the same.
     * Server options and any other property are the application's, not unknown options of the command.
     */
    @Test
    void aDataDirectoryWithoutLeadingDotSlashHoldsTheDatabase() {
        String relative = "target/test-data/cli-relative-" + UUID.randomUUID();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = CommandLauncher.run(BroadsheetApplication.class,
                    new String[] {"reindex", "--broadsheet.data-dir=" + relative,
                            // the file database of application.properties (the tests' default is in memory)
                            "--spring.datasource.url=jdbc:h2:file:${broadsheet.data-dir}/broadsheet;MODE=PostgreSQL",
                            "--server.port", "--broadsheet.some-setting.of-a-later-version=1"});
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("relative").doesNotContain("Unknown");
        assertThat(status).isZero();
        assertThat(Files.exists(Path.of(relative, "broadsheet.mv.db"))).isTrue();
    }

    /**
     * H2's file database is one process's at a time: a command run beside the server says so in one line. The
     * test holds the file's lock as the server's process would (within one JVM, H2 sees the lock as taken too).
     */
    @Test
    void aDatabaseHeldByAnotherProcessIsNamedInOneLine() throws Exception {
        String dir = "target/test-data/cli-locked-" + UUID.randomUUID();
        String[] args = {"reindex", "--broadsheet.data-dir=" + dir,
                "--spring.datasource.url=jdbc:h2:file:${broadsheet.data-dir}/broadsheet;MODE=PostgreSQL"};
        assertThat(run(args).status()).isZero();
        Path file = Path.of(dir, "broadsheet.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            Run locked = run(args);
            assertThat(locked.status()).isEqualTo(1);
            assertThat(locked.output()).contains("reindex: the database is open in another process")
                    .contains("Stop the server").contains("broadsheet.mv.db")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("server mode");
            assertThat(locked.output().lines().filter(line -> !line.isBlank()).count()).isEqualTo(1);
        }
    }

    private static Run run(String[] args) {
        return JarCommand.run(args);
    }

    @Test
    void dataDirectoryIsMadeAbsolute() {
        assertThat(DataDirectoryEnvironment.absolute("site")).isEqualTo(Path.of("site").toAbsolutePath().toString());
        assertThat(DataDirectoryEnvironment.absolute("./a/../data")).isEqualTo(Path.of("data").toAbsolutePath().toString());
        assertThat(DataDirectoryEnvironment.absolute("~/journal"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "journal").toString());
        assertThat(DataDirectoryEnvironment.absolute("/srv/journal")).isEqualTo("/srv/journal");
    }
}
