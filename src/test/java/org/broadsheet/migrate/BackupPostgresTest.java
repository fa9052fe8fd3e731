package org.broadsheet.migrate;

import org.broadsheet.testing.OnPostgres;
import org.broadsheet.testing.Postgres;
import org.springframework.context.ConfigurableApplicationContext;

/** The backup round trip with the site on PostgreSQL, restored into another PostgreSQL schema. */
@OnPostgres
class BackupPostgresTest extends BackupRoundTripTest {

    @Override
    ConfigurableApplicationContext emptyInstance() {
        return startInstance(Postgres.freshSchemaArguments());
    }
}
