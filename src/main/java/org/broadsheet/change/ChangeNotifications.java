package org.broadsheet.change;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.broadsheet.support.BroadsheetProperties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, a NOTIFY on commit of each change and a LISTEN on one connection per node, so that other
 * nodes' dispatchers wake at once instead of at their next one-second poll. On H2 it does nothing: polling
 * alone keeps a single node current.
 */
@Component
class ChangeNotifications implements SmartLifecycle {

    static final String CHANNEL = "broadsheet_change";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ChangeDispatcher dispatcher;
    private final BroadsheetProperties properties;
    private volatile Boolean postgres;
    private volatile boolean running;
    private Thread thread;

    ChangeNotifications(DataSource dataSource, JdbcClient jdbc, ChangeDispatcher dispatcher, BroadsheetProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    /** Sends NOTIFY within the caller's transaction: PostgreSQL delivers it only if and when that commits. */
    void notifyOthers(long seq) {
        if (isPostgres()) {
            jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :seq)").param("seq", Long.toString(seq)).query().singleRow();
        }
    }

    boolean isPostgres() {
        if (postgres == null) {
            try (Connection c = dataSource.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (Exception e) {
                return false;
            }
        }
        return postgres;
    }

    @Override
    public void start() {
        if (!properties.servingSite() || !isPostgres()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        dispatcher.wakeUp();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Lost the LISTEN connection ({}); polling continues, reconnecting in 5 s", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
