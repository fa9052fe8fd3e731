package org.broadsheet.change;

import org.broadsheet.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The change-log repository against PostgreSQL (skips without one, unless CI requires it). */
class ChangeLogRepositoryPostgresTest extends ChangeLogRepositoryTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
