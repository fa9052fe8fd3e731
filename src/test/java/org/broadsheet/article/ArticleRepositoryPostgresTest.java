package org.broadsheet.article;

import org.broadsheet.testing.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same checks as {@link ArticleRepositoryTest}, with every migration and query run on PostgreSQL. */
class ArticleRepositoryPostgresTest extends ArticleRepositoryTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
