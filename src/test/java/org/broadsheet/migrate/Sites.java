package org.broadsheet.migrate;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the site's tables between imports, so that each test counts only what it imported. */
final class Sites {

    private Sites() {
    }

    static void wipe(JdbcClient jdbc) {
        for (String sql : new String[] {"DELETE FROM redirect", "DELETE FROM migration_source", "UPDATE comment SET parent_id = NULL",
                "DELETE FROM comment", "DELETE FROM article_tag", "DELETE FROM article_section", "DELETE FROM article_author",
                "DELETE FROM article", "DELETE FROM app_user", "DELETE FROM author_link", "DELETE FROM author", "DELETE FROM tag",
                "UPDATE section SET parent_id = NULL", "DELETE FROM section", "DELETE FROM media_variant", "DELETE FROM media",
                "DELETE FROM site_setting"}) {
            jdbc.sql(sql).update();
        }
    }

    static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
