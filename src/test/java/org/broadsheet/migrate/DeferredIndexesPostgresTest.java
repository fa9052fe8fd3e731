package org.broadsheet.migrate;

import org.broadsheet.testing.OnPostgres;

/** The same on PostgreSQL: the indexes read from its catalogue, dropped and built again there. */
@OnPostgres
class DeferredIndexesPostgresTest extends DeferredIndexesTest {
}
