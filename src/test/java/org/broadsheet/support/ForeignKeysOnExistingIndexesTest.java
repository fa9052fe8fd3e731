package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.support.ForeignKeysOnExistingIndexes.ForeignKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** On H2, migration 47 leaves each listed foreign key on the index its table has anyway, and the keys still hold. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@Transactional
class ForeignKeysOnExistingIndexesTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachKeyIsNamedAndUsesTheMigrationsIndex() {
        for (ForeignKey key : ForeignKeysOnExistingIndexes.KEYS) {
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM information_schema.table_constraints
                    WHERE constraint_type = 'FOREIGN KEY' AND LOWER(constraint_name) = ? AND LOWER(table_name) = ?""")
                    .params(key.name(), key.table()).query(Long.class).single())
                    .as("foreign key %s", key.name()).isEqualTo(1);
            List<String> leading = jdbc.sql("""
                    SELECT index_name FROM information_schema.index_columns
                    WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) = ? AND LOWER(column_name) = ?
                      AND ordinal_position = 1""")
                    .params(key.table(), key.column()).query(String.class).list();
            assertThat(leading).as("indexes of %s that start with %s", key.table(), key.column())
                    .containsExactly(key.servedBy());
        }
    }

    @Test
    void deletingAnArticleStillTakesItsCommentsLinksAndOldAddressesWithIt() {
        long article = article("kept-keys");
        jdbc.sql("INSERT INTO tag (slug, name) VALUES ('kept-keys', 'Kept keys')").update();
        long tag = jdbc.sql("SELECT id FROM tag WHERE slug = 'kept-keys'").query(Long.class).single();
        jdbc.sql("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)").params(article, tag).update();
        jdbc.sql("INSERT INTO redirect (old_path, article_id, created_at) VALUES ('/2019/01/kept/', ?, ?)")
                .params(article, OffsetDateTime.now()).update();
        jdbc.sql("""
                INSERT INTO comment (article_id, author_name, author_email, body, status, created_at, updated_at)
                VALUES (?, 'Ann', 'ann@example.org', 'Hello', 'APPROVED', ?, ?)""")
                .params(article, OffsetDateTime.now(), OffsetDateTime.now()).update();

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM tag WHERE id = ?").param(tag).update())
                .as("a tag still linked to an article").isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO redirect (old_path, article_id, created_at) VALUES ('/?p=1', -1, ?)")
                .param(OffsetDateTime.now()).update())
                .as("an old address of no article").isInstanceOf(DataIntegrityViolationException.class);

        jdbc.sql("DELETE FROM article WHERE id = ?").param(article).update();

        for (String table : List.of("comment", "article_tag", "redirect")) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE article_id = ?").param(article).query(Long.class).single())
                    .as(table).isZero();
        }
    }

    private long article(String slug) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO article (slug, language, title, body_md, body_html, status, updated_at, created_at)
                VALUES (?, 'en', 'Keys', '', '', 'DRAFT', ?, ?)""").params(slug, now, now).update();
        return jdbc.sql("SELECT id FROM article WHERE slug = ?").param(slug).query(Long.class).single();
    }
}
