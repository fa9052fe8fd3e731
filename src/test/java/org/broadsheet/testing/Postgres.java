package org.broadsheet.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL that tests use: 127.0.0.1:5432, database {@code test}, user {@code postgres}, no password.
 * Without it the tests skip, except where {@code BROADSHEET_REQUIRE_POSTGRES=1} (CI) makes them fail.
 * Each Spring context gets a schema of its own, which Flyway creates: annotate a Spring test class with
 * {@link OnPostgres}, or start an instance with {@link #freshSchemaArguments()}.
 */
public final class Postgres {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;

    private Postgres() {
    }

    public static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips the calling test when PostgreSQL is absent, or fails it when CI requires PostgreSQL. */
    public static void require() {
        if (reachable()) {
            return;
        }
        String message = "PostgreSQL is not reachable at " + HOST + ":" + PORT;
        if ("1".equals(System.getenv("BROADSHEET_REQUIRE_POSTGRES"))) {
            Assertions.fail(message + " and BROADSHEET_REQUIRE_POSTGRES=1");
        }
        Assumptions.abort(message + "; skipping the PostgreSQL run of this test");
    }

    /** The properties that point an application at a new, empty schema of the test database. */
    public static Map<String, Object> freshSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", "jdbc:postgresql://" + HOST + ":" + PORT + "/test?currentSchema=" + schema);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        return properties;
    }

    /** {@link #freshSchema()} as command-line arguments, for an instance started with {@link Instances}. */
    public static String[] freshSchemaArguments() {
        return freshSchema().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
