package org.broadsheet.migrate;

import org.broadsheet.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same on PostgreSQL: the indexes read from its catalogue, dropped and built again there. */
class DeferredIndexesPostgresTest extends DeferredIndexesTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        if (Postgres.reachable()) {
            Postgres.register(registry);
        }
    }
}
