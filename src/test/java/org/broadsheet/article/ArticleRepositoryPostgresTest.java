package org.broadsheet.article;

import org.broadsheet.testing.OnPostgres;

/** The same checks as {@link ArticleRepositoryTest}, with every migration and query run on PostgreSQL. */
@OnPostgres
class ArticleRepositoryPostgresTest extends ArticleRepositoryTest {
}
