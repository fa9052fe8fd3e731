package org.broadsheet.change;

import org.broadsheet.testing.OnPostgres;

/** The change-log repository against PostgreSQL (skips without one, unless CI requires it). */
@OnPostgres
class ChangeLogRepositoryPostgresTest extends ChangeLogRepositoryTest {
}
