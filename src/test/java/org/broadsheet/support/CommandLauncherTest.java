package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = CommandLauncher.run(BroadsheetApplication.class, new String[] {"no-such-command",
                    "--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "--broadsheet.data-dir=target/test-data/cli-" + UUID.randomUUID()});
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: no-such-command").contains("Commands:");
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
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

    @Test
    void dataDirectoryIsMadeAbsolute() {
        assertThat(DataDirectoryEnvironment.absolute("site")).isEqualTo(Path.of("site").toAbsolutePath().toString());
        assertThat(DataDirectoryEnvironment.absolute("./a/../data")).isEqualTo(Path.of("data").toAbsolutePath().toString());
        assertThat(DataDirectoryEnvironment.absolute("~/journal"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "journal").toString());
        assertThat(DataDirectoryEnvironment.absolute("/srv/journal")).isEqualTo("/srv/journal");
    }
}
