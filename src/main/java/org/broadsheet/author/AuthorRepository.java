package org.broadsheet.author;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AuthorRepository {

    private final JdbcClient jdbc;

    AuthorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AuthorRow(long id, String slug, String name, String credentials, String affiliation, String bioMd,
                     String bioHtml, Long photoMediaId, String email) {
    }

    record LinkRow(long authorId, String label, String url) {
    }

    private static final String COLUMNS = "id, slug, name, credentials, affiliation, bio_md, bio_html, photo_media_id, email";

    List<AuthorRow> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE id IN (:ids)").param("ids", ids)
                .query(Rows.of(AuthorRow.class)).list();
    }

    List<AuthorRow> findAllOrdered() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author ORDER BY name").query(Rows.of(AuthorRow.class)).list();
    }

    Optional<AuthorRow> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE slug = :slug").param("slug", slug)
                .query(Rows.of(AuthorRow.class)).optional();
    }

    List<LinkRow> linksOf(Collection<Long> authorIds) {
        if (authorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT author_id, label, url FROM author_link WHERE author_id IN (:ids) ORDER BY author_id, position")
                .param("ids", authorIds).query(Rows.of(LinkRow.class)).list();
    }

    long insert(String slug, String name, String credentials, String affiliation, String bioMd, String bioHtml,
                Long photoMediaId, String email, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO author (slug, name, credentials, affiliation, bio_md, bio_html, photo_media_id, email, created_at, updated_at)
                VALUES (:slug, :name, :credentials, :affiliation, :bioMd, :bioHtml, :photo, :email, :now, :now)""")
                .param("slug", slug).param("name", name).param("credentials", credentials)
                .param("affiliation", affiliation).param("bioMd", bioMd).param("bioHtml", bioHtml)
                .param("photo", photoMediaId).param("email", email).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertLink(long authorId, int position, String label, String url) {
        jdbc.sql("INSERT INTO author_link (author_id, position, label, url) VALUES (:a, :p, :l, :u)")
                .param("a", authorId).param("p", position).param("l", label).param("u", url).update();
    }

    Optional<AuthorRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM author WHERE id = :id").param("id", id).query(Rows.of(AuthorRow.class)).optional();
    }

    void update(long id, String slug, String name, String credentials, String affiliation, String bioMd, String bioHtml,
                Long photoMediaId, String email, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE author SET slug = :slug, name = :name, credentials = :credentials, affiliation = :affiliation,
                    bio_md = :bioMd, bio_html = :bioHtml, photo_media_id = :photo, email = :email, updated_at = :now
                WHERE id = :id""")
                .param("slug", slug).param("name", name).param("credentials", credentials)
                .param("affiliation", affiliation).param("bioMd", bioMd).param("bioHtml", bioHtml)
                .param("photo", photoMediaId).param("email", email).param("now", now).param("id", id)
                .update();
    }

    void deleteLinks(long authorId) {
        jdbc.sql("DELETE FROM author_link WHERE author_id = :id").param("id", authorId).update();
    }
}
