package org.broadsheet.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** On PostgreSQL a change wakes the other nodes through NOTIFY, delivered when (and only if) it commits. */
@JdbcTest(properties = "broadsheet.command=test")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ChangeLogRepository.class, ChangeLog.class, ChangeDispatcher.class, ChangeNotifications.class,
        ChangeNotificationsPostgresTest.Config.class})
@EnableConfigurationProperties(BroadsheetProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@OnPostgres
class ChangeNotificationsPostgresTest {

    static class Config {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    ChangeNotifications notifications;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void notifiesListenersOnCommitOnly() throws Exception {
        assertThat(notifications.isPostgres()).isTrue();
        try (Connection listener = dataSource.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + ChangeNotifications.CHANNEL);
            PGConnection pg = listener.unwrap(PGConnection.class);

            transactions.executeWithoutResult(tx -> {
                notifications.notifyOthers(41);
                tx.setRollbackOnly();
            });
            transactions.executeWithoutResult(tx -> notifications.notifyOthers(42));

            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!received.contains("42") && System.nanoTime() < deadline) {
                PGNotification[] batch = pg.getNotifications(500);
                if (batch != null) {
                    for (PGNotification n : batch) {
                        received.add(n.getParameter());
                    }
                }
            }
            assertThat(received).contains("42").doesNotContain("41");
        }
    }
}
