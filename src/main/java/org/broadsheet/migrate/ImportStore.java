package org.broadsheet.migrate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.author.AuthorService;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The writes of an import. Sections, tags and author profiles — a few per site — are created through their
 * features' services. Articles, comments, their links and old addresses — thousands — are written here with
 * JDBC batches of a whole import batch at a time, which the features' one-row service calls cannot do; the
 * import then announces each batch with one {@link org.broadsheet.article.ArticlesChanged}.
 */
@Repository
class ImportStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;

    ImportStore(JdbcClient jdbc, JdbcTemplate template, TaxonomyService taxonomy, AuthorService authors) {
        this.jdbc = jdbc;
        this.template = template;
        this.taxonomy = taxonomy;
        this.authors = authors;
    }

    /** Rows collected over a batch of items and written with JDBC batches at its end: far fewer round trips. */
    static final class Pending {
        final List<Object[]> authors = new ArrayList<>();
        final List<Object[]> sections = new ArrayList<>();
        final List<Object[]> tags = new ArrayList<>();
        final List<Object[]> sources = new ArrayList<>();
        final List<Object[]> redirects = new ArrayList<>();
        final List<NewComment> comments = new ArrayList<>();
    }

    /** A comment to insert, with its WordPress id and its parent's, to be linked once all have ids. */
    record NewComment(CommentRow row, String wpId, String wpParent) {
    }

    void flushLinks(Pending p) {
        batch("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)", p.authors);
        batch("INSERT INTO article_section (article_id, section_id, position) VALUES (?, ?, ?)", p.sections);
        batch("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)", p.tags);
        batch("INSERT INTO redirect (old_path, article_id, target, created_at) VALUES (?, ?, ?, ?)", p.redirects);
        p.authors.clear();
        p.sections.clear();
        p.tags.clear();
        p.redirects.clear();
    }

    void flushSources(Pending p) {
        batch("INSERT INTO migration_source (source_site, kind, source_id, target_id) VALUES (?, ?, ?, ?)", p.sources);
        p.sources.clear();
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(sql, rows);
        }
    }

    private static final String INSERT_COMMENT = """
            INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, author_ip, body,
                status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * Inserts new comments in their order, one JDBC batch per run of {@code threads} on one prepared statement;
     * a reply whose parent was inserted in an earlier run gets its parent's id at once. Returns the new ids in order.
     */
    long[] insertComments(List<NewComment> comments, CommentThreads threads) {
        long[] ids = new long[comments.size()];
        if (comments.isEmpty()) {
            return ids;
        }
        template.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement ps = con.prepareStatement(INSERT_COMMENT, new String[] {"id"})) {
                int start = 0;
                for (int end : threads.runEnds()) {
                    for (int i = start; i < end; i++) {
                        int parent = threads.parentOf(i);
                        setComment(ps, comments.get(i).row(), parent >= 0 && parent < start ? Long.valueOf(ids[parent]) : null);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    int next = start;
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next() && next < end) {
                            ids[next++] = keys.getLong(1);
                        }
                    }
                    if (next != end) {
                        throw new IllegalStateException("The database returned " + (next - start) + " ids for " + (end - start) + " comments");
                    }
                    start = end;
                }
            }
            return null;
        });
        return ids;
    }

    /** @param newParent the id of a parent inserted in this batch, or null to keep the row's own */
    private static void setComment(PreparedStatement ps, CommentRow c, Long newParent) throws SQLException {
        ps.setLong(1, c.articleId());
        ps.setObject(2, newParent != null ? newParent : c.parentId(), Types.BIGINT);
        ps.setString(3, c.authorName());
        ps.setString(4, c.authorEmail());
        ps.setString(5, c.authorUrl());
        ps.setString(6, c.authorIp());
        ps.setString(7, c.body());
        ps.setString(8, c.status());
        ps.setObject(9, c.createdAt());
        ps.setObject(10, c.createdAt());
    }

    /** Links replies that came before their parents in the export: (parent id, reply id) pairs. */
    void setCommentParents(List<Object[]> parentAndId) {
        batch("UPDATE comment SET parent_id = ? WHERE id = ?", parentAndId);
    }

    private interface RowSetter<T> {
        void set(PreparedStatement ps, T row) throws SQLException;
    }

    /** One JDBC batch of inserts into a table with an identity {@code id}; the new ids in the order of the rows. */
    private <T> long[] insertReturningIds(String sql, List<T> rows, RowSetter<T> setter) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, rows.get(i));
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("The database returned " + generated.size() + " ids for " + rows.size() + " rows");
        }
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((Number) generated.get(i).values().iterator().next()).longValue();
        }
        return ids;
    }

    /** H2's write delay in milliseconds; null when the database is not H2. */
    /**
     * Once set, H2 lists the delay twice, in no promised order: the value set, and the value in force — the
     * same on a file database, always 0 on an in-memory one, which never writes. The larger is the one set.
     */
    static final String WRITE_DELAY_SETTING =
            "SELECT MAX(CAST(SETTING_VALUE AS INT)) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'";

    Integer h2WriteDelay() {
        boolean h2 = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) con ->
                "H2".equals(con.getMetaData().getDatabaseProductName())));
        if (!h2) {
            return null;
        }
        return jdbc.sql(WRITE_DELAY_SETTING).query(Integer.class).optional().orElse(null);
    }

    /** See {@link H2WriteDelay}. */
    void setH2WriteDelay(int millis) {
        template.execute("SET WRITE_DELAY " + millis);
    }

    Set<String> redirectPaths() {
        Set<String> out = new HashSet<>();
        jdbc.sql("SELECT old_path FROM redirect").query((rs, n) -> out.add(rs.getString(1))).list();
        return out;
    }

    /** kind → (source id → our id) for one source site. */
    Map<String, Map<String, Long>> sources(String site) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        jdbc.sql("SELECT kind, source_id, target_id FROM migration_source WHERE source_site = :site")
                .param("site", site)
                .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
                .list();
        return out;
    }

    void putSource(String site, String kind, String sourceId, long targetId) {
        int updated = jdbc.sql("UPDATE migration_source SET target_id = :t WHERE source_site = :s AND kind = :k AND source_id = :i")
                .param("t", targetId).param("s", site).param("k", kind).param("i", sourceId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO migration_source (source_site, kind, source_id, target_id) VALUES (:s, :k, :i, :t)")
                    .param("t", targetId).param("s", site).param("k", kind).param("i", sourceId).update();
        }
    }

    Map<String, Long> sectionIdsByPath() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT path, id FROM section").query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** A new section, through the taxonomy feature; its path is the parent's path and its slug. */
    long insertSection(Long parentId, String slug, String name, String description) {
        return taxonomy.createSection(parentId, slug, name, description, 0);
    }

    Map<String, Long> tagIdsBySlug() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT slug, id FROM tag").query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    long insertTag(String slug, String name) {
        return taxonomy.createTag(slug, name);
    }

    Map<String, Long> authorIdsBySlug() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("SELECT slug, id FROM author").query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** A profile with a name and an email only; the journal completes it later. */
    long insertAuthor(String slug, String name, String email) {
        return authors.create(new AuthorService.NewAuthor(slug, name, "", "", "", null, email, List.of()));
    }

    boolean userExists(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(email) = LOWER(:e)").param("e", email)
                .query(Long.class).single() > 0;
    }

    /** A staff account to be invited: disabled and without a password, so that it cannot sign in yet. */
    void insertInvitedUser(String email, String name, String role, long authorId, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO app_user (email, display_name, password_hash, role, enabled, author_id, created_at)
                VALUES (:e, :n, NULL, :r, FALSE, :a, :now)""")
                .param("e", email).param("n", name).param("r", role).param("a", authorId).param("now", now).update();
    }

    /** Every article's slug by id: updates keep an article's slug, new articles must not take one. */
    Map<Long, String> articleSlugs() {
        Map<Long, String> out = new HashMap<>();
        jdbc.sql("SELECT id, slug FROM article").query((rs, n) -> out.put(rs.getLong(1), rs.getString(2))).list();
        return out;
    }

    /** The columns an import sets on an article. */
    record ArticleRow(String slug, String language, String title, String standfirst, String bodyMd, String bodyHtml,
                      String status, OffsetDateTime publishedAt, OffsetDateTime updatedAt, OffsetDateTime createdAt,
                      Long leadMediaId, String translationGroup, boolean featured, boolean commentsOpen) {
    }

    /** Inserts the articles in one JDBC batch; returns their new ids in order. */
    long[] insertArticles(List<ArticleRow> articles) {
        return insertReturningIds("""
                INSERT INTO article (slug, language, title, standfirst, body_md, body_html, status, published_at,
                    updated_at, created_at, lead_media_id, translation_group, featured, comments_open, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", articles, (ps, a) -> {
            ps.setString(1, a.slug());
            ps.setString(2, a.language());
            ps.setString(3, a.title());
            ps.setString(4, a.standfirst());
            ps.setString(5, a.bodyMd());
            ps.setString(6, a.bodyHtml());
            ps.setString(7, a.status());
            ps.setObject(8, a.publishedAt());
            ps.setObject(9, a.updatedAt());
            ps.setObject(10, a.createdAt());
            ps.setObject(11, a.leadMediaId(), Types.BIGINT);
            ps.setString(12, a.translationGroup());
            ps.setBoolean(13, a.featured());
            ps.setBoolean(14, a.commentsOpen());
        });
    }

    /** Updates what the export says; the slug stays, so that the article keeps its address. */
    void updateArticle(long id, ArticleRow a) {
        jdbc.sql("""
                UPDATE article SET language = :language, title = :title, standfirst = :standfirst, body_md = :bodyMd,
                    body_html = :bodyHtml, status = :status, published_at = :publishedAt, updated_at = :updatedAt,
                    lead_media_id = COALESCE(:lead, lead_media_id), translation_group = :group, featured = :featured,
                    comments_open = :open, version = version + 1
                WHERE id = :id""")
                .params(articleParams(a)).param("id", id)
                .update();
    }

    private static Map<String, Object> articleParams(ArticleRow a) {
        Map<String, Object> p = new HashMap<>();
        p.put("slug", a.slug());
        p.put("language", a.language());
        p.put("title", a.title());
        p.put("standfirst", a.standfirst());
        p.put("bodyMd", a.bodyMd());
        p.put("bodyHtml", a.bodyHtml());
        p.put("status", a.status());
        p.put("publishedAt", a.publishedAt());
        p.put("updatedAt", a.updatedAt());
        p.put("createdAt", a.createdAt());
        p.put("lead", a.leadMediaId());
        p.put("group", a.translationGroup());
        p.put("featured", a.featured());
        p.put("open", a.commentsOpen());
        return p;
    }

    private static Map<String, Object> commentParams(CommentRow c) {
        Map<String, Object> p = new HashMap<>();
        p.put("articleId", c.articleId());
        p.put("parentId", c.parentId());
        p.put("authorName", c.authorName());
        p.put("authorEmail", c.authorEmail());
        p.put("authorUrl", c.authorUrl());
        p.put("authorIp", c.authorIp());
        p.put("body", c.body());
        p.put("status", c.status());
        p.put("createdAt", c.createdAt());
        return p;
    }

    void setLead(long articleId, long mediaId) {
        jdbc.sql("UPDATE article SET lead_media_id = :m WHERE id = :id").param("m", mediaId).param("id", articleId).update();
    }

    void setBody(long articleId, String bodyMd, String bodyHtml) {
        jdbc.sql("UPDATE article SET body_md = :md, body_html = :html WHERE id = :id")
                .param("md", bodyMd).param("html", bodyHtml).param("id", articleId).update();
    }

    /** Removes an article's authors, sections and tags, before the export's are written again. */
    void clearLinks(long articleId) {
        for (String table : List.of("article_author", "article_section", "article_tag")) {
            jdbc.sql("DELETE FROM " + table + " WHERE article_id = :id").param("id", articleId).update();
        }
    }

    record CommentRow(long articleId, Long parentId, String authorName, String authorEmail, String authorUrl,
                      String authorIp, String body, String status, OffsetDateTime createdAt) {
    }

    void updateComment(long id, CommentRow c) {
        jdbc.sql("""
                UPDATE comment SET article_id = :articleId, parent_id = :parentId, author_name = :authorName,
                    author_email = :authorEmail, author_url = :authorUrl, author_ip = :authorIp, body = :body,
                    status = :status, created_at = :createdAt
                WHERE id = :id""")
                .params(commentParams(c)).param("id", id).update();
    }

    long insertMedia(String storageKey, String fileName, String mimeType, Integer width, Integer height, long size,
                     String alt, String caption, String remoteUrl, OffsetDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO media (storage_key, file_name, mime_type, width, height, byte_size, alt_text, caption,
                    credit, created_at, remote_url)
                VALUES (:key, :name, :mime, :w, :h, :size, :alt, :caption, '', :at, :remote)""")
                .param("key", storageKey).param("name", fileName).param("mime", mimeType).param("w", width)
                .param("h", height).param("size", size).param("alt", alt).param("caption", caption).param("at", at)
                .param("remote", remoteUrl).update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateMediaText(long id, String alt, String caption) {
        jdbc.sql("UPDATE media SET alt_text = :alt, caption = :caption WHERE id = :id")
                .param("alt", alt).param("caption", caption).param("id", id).update();
    }

    /** Whether the media row records only an address on the old site (its file was not at hand when imported). */
    boolean mediaIsRemote(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM media WHERE id = :id AND storage_key LIKE 'remote/%'")
                .param("id", id).query(Long.class).single() > 0;
    }

    /** Points a media row at a file in the media storage; {@code remoteUrl} null unless it shares another row's file. */
    void useMediaFile(long id, String storageKey, String fileName, String mimeType, Integer width, Integer height,
                      long size, String remoteUrl) {
        jdbc.sql("""
                UPDATE media SET storage_key = :key, file_name = :name, mime_type = :mime, width = :w, height = :h,
                    byte_size = :size, remote_url = :remote
                WHERE id = :id""")
                .param("key", storageKey).param("name", fileName).param("mime", mimeType).param("w", width)
                .param("h", height).param("size", size).param("remote", remoteUrl).param("id", id).update();
    }

    /** A resized copy of an image, as {@code srcset} lists it. */
    record Variant(int width, int height, String storageKey, String mimeType, long byteSize) {
    }

    /**
     * Makes these the image's resized copies. A copy already listed for another image — two attachments of the
     * export with one file — stays that image's: a file is one image's copy.
     */
    void replaceVariants(long mediaId, List<Variant> variants) {
        jdbc.sql("DELETE FROM media_variant WHERE media_id = :m").param("m", mediaId).update();
        for (Variant v : variants) {
            if (jdbc.sql("SELECT COUNT(*) FROM media_variant WHERE storage_key = :key").param("key", v.storageKey())
                    .query(Long.class).single() > 0) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO media_variant (media_id, width, height, storage_key, mime_type, byte_size)
                    VALUES (:m, :w, :h, :key, :mime, :size)""")
                    .param("m", mediaId).param("w", v.width()).param("h", v.height()).param("key", v.storageKey())
                    .param("mime", v.mimeType()).param("size", v.byteSize()).update();
        }
    }

    boolean mediaKeyExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM media WHERE storage_key = :k").param("k", key).query(Long.class).single() > 0;
    }

    /**
     * @param articleId the article the old address leads to, or null
     * @param target    a path of this site it leads to instead (or when the article is not public), or null
     */
    void putRedirect(String oldPath, Long articleId, String target, OffsetDateTime now) {
        int updated = jdbc.sql("UPDATE redirect SET article_id = :a, target = :t WHERE old_path = :p")
                .param("a", articleId).param("t", target).param("p", oldPath).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO redirect (old_path, article_id, target, created_at) VALUES (:p, :a, :t, :now)")
                    .param("p", oldPath).param("a", articleId).param("t", target).param("now", now).update();
        }
    }
}
