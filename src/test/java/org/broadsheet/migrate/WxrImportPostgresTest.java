package org.broadsheet.migrate;

import org.broadsheet.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The crafted-export tests again on PostgreSQL: the import's SQL, batches and migrations V40–V42 there. */
class WxrImportPostgresTest extends WxrImportBehaviourTest {

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
