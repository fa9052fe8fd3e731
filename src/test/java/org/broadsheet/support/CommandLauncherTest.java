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
    }

    /** A command prints what it has to say and nothing else: no log lines of the start-up around it. */
    @Test
    void unknownCommandFailsWithTheListOfCommands() {
        Run run = run(new String[] {"no-such-command",
                "--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--broadsheet.data-dir=target/test-data/cli-" + UUID.randomUUID()});
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("Unknown command: no-such-command").contains("Commands:")
                .doesNotContain(" WARN ").doesNotContain("Flyway");
    }

    /** H2 refuses "implicitly relative" file paths; a data directory given as {@code site-dir} must work all the same. */
    @Test
    void aDataDirectoryWithoutLeadingDotSlashHoldsTheDatabase() {
        String relative = "target/test-data/cli-relative-" + UUID.randomUUID();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = CommandLauncher.run(BroadsheetApplication.class,
                    new String[] {"no-such-command", "--broadsheet.data-dir=" + relative,
                            // the file database of application.properties (the tests' default is in memory)
                            "--spring.datasource.url=jdbc:h2:file:${broadsheet.data-dir}/broadsheet;MODE=PostgreSQL"});
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: no-such-command")
                .doesNotContain("relative");
        assertThat(status).isEqualTo(2);
        assertThat(Files.exists(Path.of(relative, "broadsheet.mv.db"))).isTrue();
    }

    /**
     * H2's file database is one process's at a time: a command run beside the server says so in one line. The
     * test holds the file's lock as the server's process would (within one JVM, H2 sees the lock as taken too).
     */
    @Test
    void aDatabaseHeldByAnotherProcessIsNamedInOneLine() throws Exception {
        String dir = "target/test-data/cli-locked-" + UUID.randomUUID();
        String[] args = {"no-such-command", "--broadsheet.data-dir=" + dir,
                "--spring.datasource.url=jdbc:h2:file:${broadsheet.data-dir}/broadsheet;MODE=PostgreSQL"};
        assertThat(run(args).status()).isEqualTo(2);
        Path file = Path.of(dir, "broadsheet.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            Run locked = run(args);
            assertThat(locked.status()).isEqualTo(1);
            assertThat(locked.output()).contains("no-such-command: the database is open in another process")
                    .contains("Stop the server").contains("broadsheet.mv.db")
                    .doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("server mode");
            assertThat(locked.output().lines().filter(line -> !line.isBlank()).count()).isEqualTo(1);
        }
    }

    private record Run(int status, String output) {
    }

    /** Runs the launcher; what it wrote to either stream. */
    private static Run run(String[] args) {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(both, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        try {
            return new Run(CommandLauncher.run(BroadsheetApplication.class, args), both.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
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
