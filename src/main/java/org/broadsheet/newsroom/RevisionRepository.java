package org.broadsheet.newsroom;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RevisionRepository {

    private final JdbcClient jdbc;

    RevisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "id, article_id, version, title, standfirst, body_md, saved_by, saved_by_name, autosave, saved_at";

    void insert(long articleId, int version, String title, String standfirst, String bodyMd, Long userId,
                String userName, boolean autosave, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO article_revision (article_id, version, title, standfirst, body_md, saved_by, saved_by_name, autosave, saved_at)
                VALUES (:article, :version, :title, :standfirst, :body, :user, :name, :autosave, :now)""")
                .param("article", articleId).param("version", version).param("title", title)
                .param("standfirst", standfirst).param("body", bodyMd).param("user", userId).param("name", userName)
                .param("autosave", autosave).param("now", now).update();
    }

    void replace(long id, int version, String title, String standfirst, String bodyMd, OffsetDateTime now) {
        jdbc.sql("UPDATE article_revision SET version = :version, title = :title, standfirst = :standfirst, body_md = :body, saved_at = :now WHERE id = :id")
                .param("version", version).param("title", title).param("standfirst", standfirst).param("body", bodyMd)
                .param("now", now).param("id", id).update();
    }

    Optional<Revision> latest(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article_revision WHERE article_id = :article ORDER BY id DESC LIMIT 1")
                .param("article", articleId).query(Rows.of(Revision.class)).optional();
    }

    List<Revision> of(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article_revision WHERE article_id = :article ORDER BY id DESC")
                .param("article", articleId).query(Rows.of(Revision.class)).list();
    }

    Optional<Revision> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM article_revision WHERE id = :id").param("id", id)
                .query(Rows.of(Revision.class)).optional();
    }
}
