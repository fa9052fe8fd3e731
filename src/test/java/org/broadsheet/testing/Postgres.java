package org.broadsheet.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL that tests use: 127.0.0.1:5432, database {@code test}, user {@code postgres}, no password.
 * Without it the tests skip, except where {@code BROADSHEET_REQUIRE_POSTGRES=1} (CI) makes them fail.
 * Each Spring context gets a schema of its own, which Flyway creates.
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

    /** Points a Spring context at a fresh schema in the test database. Call from {@code @DynamicPropertySource}. */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://" + HOST + ":" + PORT + "/test?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
    }
}
