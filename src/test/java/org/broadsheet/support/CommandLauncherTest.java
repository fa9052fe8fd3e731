package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    @Test
    void unknownCommandFailsWithTheListOfCommands() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = CommandLauncher.run(BroadsheetApplication.class, new String[] {"no-such-command",
                    "--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "--broadsheet.data-dir=target/test-data/cli-" + UUID.randomUUID()});
        } finally {
            System.setErr(originalErr);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: no-such-command").contains("Commands:");
    }
}
