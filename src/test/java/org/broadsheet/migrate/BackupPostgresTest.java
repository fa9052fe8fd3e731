package org.broadsheet.migrate;

import java.util.UUID;

import org.broadsheet.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The backup round trip with the site on PostgreSQL, restored into another PostgreSQL schema. */
class BackupPostgresTest extends BackupRoundTripTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @Override
    ConfigurableApplicationContext emptyInstance() {
        String schema = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return startInstance("--spring.datasource.url=jdbc:postgresql://" + Postgres.HOST + ":" + Postgres.PORT
                        + "/test?currentSchema=" + schema, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        if (Postgres.reachable()) {
            Postgres.register(registry);
        }
    }
}
