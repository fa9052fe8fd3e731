package org.broadsheet.migrate;

import org.broadsheet.testing.OnPostgres;

/** The uploads' old addresses again on PostgreSQL: redirect rows with an article, a path, or both. */
@OnPostgres
class WxrImportUploadsPostgresTest extends WxrImportUploadsTest {
}
