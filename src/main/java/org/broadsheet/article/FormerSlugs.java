package org.broadsheet.article;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The slugs a published article had before an editor renamed it. Readers, search engines and other sites
 * keep linking to the old address; it answers 301 with the article's current one, whatever slug or date the
 * article has by then, because the target is the article, not a stored address.
 */
@Repository
class FormerSlugs {

    private final JdbcClient jdbc;

    FormerSlugs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers that {@code article} was reachable as {@code formerSlug} until now, when it became
     * {@code newSlug}. A former slug that an article takes back stops being a "former" one.
     */
    void replaced(long articleId, String formerSlug, String newSlug, OffsetDateTime at) {
        jdbc.sql("DELETE FROM article_former_slug WHERE slug IN (:old, :new)")
                .param("old", formerSlug).param("new", newSlug).update();
        jdbc.sql("INSERT INTO article_former_slug (slug, article_id, replaced_at) VALUES (:slug, :id, :at)")
                .param("slug", formerSlug).param("id", articleId).param("at", at).update();
    }

    /** The article that was reachable as this slug before it was renamed, if any. */
    Optional<Long> articleOnceAt(String slug) {
        return jdbc.sql("SELECT article_id FROM article_former_slug WHERE slug = :slug").param("slug", slug)
                .query(Long.class).optional();
    }
}
