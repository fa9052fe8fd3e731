package org.broadsheet.article;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ArticleRepository {

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String PUBLISHED = "a.status = 'PUBLISHED' AND a.published_at <= :now";

    Optional<Article> findBySlug(String slug) {
        return jdbc.sql("SELECT * FROM article WHERE slug = :slug").param("slug", slug).query(Rows.of(Article.class)).optional();
    }

    /**
     * The article at this slug as a reader's page needs it: every column but the Markdown sources, which such a
     * page never shows (the body's is as long as its HTML again, and would be read and decoded on every view).
     * Their components are empty.
     */
    Optional<Article> findForPage(String slug) {
        return jdbc.sql("""
                SELECT id, slug, language, title, standfirst, '' AS body_md, body_html, status, published_at,
                       updated_at, created_at, lead_media_id, lead_credit, lead_caption, lead_alt,
                       '' AS editor_note_md, editor_note_html, partner_id, original_url, permission_note,
                       translation_group, featured, comments_open, version
                FROM article WHERE slug = :slug""")
                .param("slug", slug).query(Rows.of(Article.class)).optional();
    }

    Optional<Article> find(long id) {
        return jdbc.sql("SELECT * FROM article WHERE id = :id").param("id", id).query(Rows.of(Article.class)).optional();
    }

    List<Article> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM article WHERE id IN (:ids)").param("ids", ids).query(Rows.of(Article.class)).list();
    }

    long countArticles() {
        return jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single();
    }

    /** Published articles matching a filter (a SQL condition on alias {@code a}), newest first. */
    List<Article> published(String filter, Map<String, Object> params, OffsetDateTime now, long offset, int limit) {
        return jdbc.sql("SELECT a.* FROM article a WHERE " + PUBLISHED + " AND " + filter +
                        " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("now", now).param("limit", limit).param("offset", offset)
                .query(Rows.of(Article.class)).list();
    }

    long countPublished(String filter, Map<String, Object> params, OffsetDateTime now) {
        return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + PUBLISHED + " AND " + filter)
                .params(params).param("now", now).query(Long.class).single();
    }

    /** Published articles sharing a section or tag with the given one, newest first. */
    List<Article> related(long articleId, OffsetDateTime now, int limit) {
        return jdbc.sql("""
                SELECT a.* FROM article a WHERE %s AND a.id <> :id AND a.id IN (
                    SELECT s2.article_id FROM article_section s1 JOIN article_section s2 ON s1.section_id = s2.section_id
                    WHERE s1.article_id = :id
                    UNION
                    SELECT t2.article_id FROM article_tag t1 JOIN article_tag t2 ON t1.tag_id = t2.tag_id
                    WHERE t1.article_id = :id)
                ORDER BY a.published_at DESC, a.id DESC LIMIT :limit""".formatted(PUBLISHED))
                .param("id", articleId).param("now", now).param("limit", limit)
                .query(Rows.of(Article.class)).list();
    }

    List<Article> translations(String group, long exceptId, OffsetDateTime now) {
        return jdbc.sql("SELECT a.* FROM article a WHERE " + PUBLISHED +
                        " AND a.translation_group = :group AND a.id <> :id ORDER BY a.language")
                .param("group", group).param("id", exceptId).param("now", now).query(Rows.of(Article.class)).list();
    }

    record Link(long articleId, long targetId) {
    }

    /** article id → author ids in byline order. */
    Map<Long, List<Long>> authorIds(Collection<Long> articleIds) {
        return links("SELECT article_id, author_id FROM article_author WHERE article_id IN (:ids) ORDER BY article_id, position", articleIds);
    }

    Map<Long, List<Long>> sectionIds(Collection<Long> articleIds) {
        return links("SELECT article_id, section_id FROM article_section WHERE article_id IN (:ids) ORDER BY article_id, position", articleIds);
    }

    Map<Long, List<Long>> tagIds(Collection<Long> articleIds) {
        return links("SELECT article_id, tag_id FROM article_tag WHERE article_id IN (:ids) ORDER BY article_id, tag_id", articleIds);
    }

    /**
     * One article's authors and sections in byline and listing order, and its tags: one query. The union is
     * wrapped in a derived table because H2 keeps the parsed plan of a plain SELECT in its per-connection query
     * cache but re-parses and re-plans a top-level UNION on every execution (about 10× the cost of running it).
     */
    ArticleLinks linksOf(long articleId) {
        List<Long> authors = new ArrayList<>();
        List<Long> sections = new ArrayList<>();
        List<Long> tags = new ArrayList<>();
        jdbc.sql("""
                SELECT kind, target, position FROM (
                  SELECT 1 AS kind, author_id AS target, position FROM article_author WHERE article_id = :id
                  UNION ALL SELECT 2, section_id, position FROM article_section WHERE article_id = :id
                  UNION ALL SELECT 3, tag_id, tag_id FROM article_tag WHERE article_id = :id
                ) links ORDER BY kind, position""")
                .param("id", articleId)
                .query((rs, n) -> switch (rs.getInt(1)) {
                    case 1 -> authors.add(rs.getLong(2));
                    case 2 -> sections.add(rs.getLong(2));
                    default -> tags.add(rs.getLong(2));
                })
                .list();
        return new ArticleLinks(authors, sections, tags);
    }

    record ArticleLinks(List<Long> authorIds, List<Long> sectionIds, List<Long> tagIds) {
    }

    private Map<Long, List<Long>> links(String sql, Collection<Long> articleIds) {
        Map<Long, List<Long>> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        jdbc.sql(sql).param("ids", articleIds)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2))).list()
                .forEach(l -> out.computeIfAbsent(l.articleId(), k -> new ArrayList<>()).add(l.targetId()));
        return out;
    }

    /** Years and months that have published articles, newest first, for the archive pages. */
    List<OffsetDateTime> publishedTimes(OffsetDateTime now) {
        return jdbc.sql("SELECT a.published_at FROM article a WHERE " + PUBLISHED + " ORDER BY a.published_at DESC")
                .param("now", now).query(OffsetDateTime.class).list();
    }

    long insert(Article a) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO article (slug, language, title, standfirst, body_md, body_html, status, published_at,
                    updated_at, created_at, lead_media_id, lead_credit, lead_caption, lead_alt, editor_note_md,
                    editor_note_html, partner_id, original_url, permission_note, translation_group, featured,
                    comments_open, version)
                VALUES (:slug, :language, :title, :standfirst, :bodyMd, :bodyHtml, :status, :publishedAt,
                    :updatedAt, :createdAt, :leadMediaId, :leadCredit, :leadCaption, :leadAlt, :editorNoteMd,
                    :editorNoteHtml, :partnerId, :originalUrl, :permissionNote, :translationGroup, :featured,
                    :commentsOpen, 0)""")
                .param("slug", a.slug()).param("language", a.language()).param("title", a.title())
                .param("standfirst", a.standfirst()).param("bodyMd", a.bodyMd()).param("bodyHtml", a.bodyHtml())
                .param("status", a.status().name()).param("publishedAt", a.publishedAt())
                .param("updatedAt", a.updatedAt()).param("createdAt", a.createdAt())
                .param("leadMediaId", a.leadMediaId()).param("leadCredit", a.leadCredit())
                .param("leadCaption", a.leadCaption()).param("leadAlt", a.leadAlt())
                .param("editorNoteMd", a.editorNoteMd()).param("editorNoteHtml", a.editorNoteHtml())
                .param("partnerId", a.partnerId()).param("originalUrl", a.originalUrl())
                .param("permissionNote", a.permissionNote()).param("translationGroup", a.translationGroup())
                .param("featured", a.featured()).param("commentsOpen", a.commentsOpen())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void replaceAuthors(long articleId, List<Long> authorIds) {
        replaceLinks("article_author", "author_id", articleId, authorIds, true);
    }

    void replaceSections(long articleId, List<Long> sectionIds) {
        replaceLinks("article_section", "section_id", articleId, sectionIds, true);
    }

    void replaceTags(long articleId, List<Long> tagIds) {
        replaceLinks("article_tag", "tag_id", articleId, tagIds, false);
    }

    private void replaceLinks(String table, String column, long articleId, List<Long> ids, boolean ordered) {
        jdbc.sql("DELETE FROM " + table + " WHERE article_id = :id").param("id", articleId).update();
        int position = 0;
        for (Long id : ids.stream().distinct().toList()) {
            String sql = ordered
                    ? "INSERT INTO " + table + " (article_id, " + column + ", position) VALUES (:a, :t, :p)"
                    : "INSERT INTO " + table + " (article_id, " + column + ") VALUES (:a, :t)";
            var spec = jdbc.sql(sql).param("a", articleId).param("t", id);
            if (ordered) {
                spec = spec.param("p", position++);
            }
            spec.update();
        }
    }

    // ---- Newsroom: editing, workflow and lists of every status ----

    /** Writes the editable fields when the row still has the version the editor loaded; 0 rows otherwise. */
    int update(Article a, int expectedVersion) {
        return jdbc.sql("""
                UPDATE article SET slug = :slug, language = :language, title = :title, standfirst = :standfirst,
                    body_md = :bodyMd, body_html = :bodyHtml, published_at = :publishedAt, updated_at = :updatedAt,
                    lead_media_id = :leadMediaId, lead_credit = :leadCredit, lead_caption = :leadCaption,
                    lead_alt = :leadAlt, editor_note_md = :editorNoteMd, editor_note_html = :editorNoteHtml,
                    partner_id = :partnerId, original_url = :originalUrl, permission_note = :permissionNote,
                    translation_group = :translationGroup, featured = :featured, comments_open = :commentsOpen,
                    version = version + 1
                WHERE id = :id AND version = :expected""")
                .param("slug", a.slug()).param("language", a.language()).param("title", a.title())
                .param("standfirst", a.standfirst()).param("bodyMd", a.bodyMd()).param("bodyHtml", a.bodyHtml())
                .param("publishedAt", a.publishedAt()).param("updatedAt", a.updatedAt())
                .param("leadMediaId", a.leadMediaId()).param("leadCredit", a.leadCredit())
                .param("leadCaption", a.leadCaption()).param("leadAlt", a.leadAlt())
                .param("editorNoteMd", a.editorNoteMd()).param("editorNoteHtml", a.editorNoteHtml())
                .param("partnerId", a.partnerId()).param("originalUrl", a.originalUrl())
                .param("permissionNote", a.permissionNote()).param("translationGroup", a.translationGroup())
                .param("featured", a.featured()).param("commentsOpen", a.commentsOpen())
                .param("id", a.id()).param("expected", expectedVersion)
                .update();
    }

    int updateStatus(long id, int expectedVersion, ArticleStatus status, OffsetDateTime publishedAt,
                     String archiveRedirect, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE article SET status = :status, published_at = :publishedAt, archive_redirect = :redirect,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND version = :expected""")
                .param("status", status.name()).param("publishedAt", publishedAt).param("redirect", archiveRedirect)
                .param("now", now).param("id", id).param("expected", expectedVersion).update();
    }

    List<Article> dueScheduled(OffsetDateTime now) {
        return jdbc.sql("SELECT * FROM article WHERE status = 'SCHEDULED' AND published_at <= :now ORDER BY published_at")
                .param("now", now).query(Rows.of(Article.class)).list();
    }

    /** Publishes one scheduled article; 0 when another node (or an editor) changed it first. */
    int publishScheduled(long id, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE article SET status = 'PUBLISHED', version = version + 1
                WHERE id = :id AND status = 'SCHEDULED' AND published_at <= :now""")
                .param("id", id).param("now", now).update();
    }

    private static String newsroomWhere(Map<String, Object> p) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (p.containsKey("status")) {
            where.append(" AND a.status = :status");
        }
        if (p.containsKey("language")) {
            where.append(" AND a.language = :language");
        }
        if (p.containsKey("query")) {
            where.append(" AND LOWER(a.title) LIKE :query");
        }
        if (p.containsKey("authorId")) {
            where.append(" AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :authorId)");
        }
        if (p.containsKey("sectionId")) {
            where.append(" AND a.id IN (SELECT article_id FROM article_section WHERE section_id = :sectionId)");
        }
        return where.toString();
    }

    List<Article> newsroom(Map<String, Object> params, long offset, int limit) {
        return jdbc.sql("SELECT a.* FROM article a WHERE " + newsroomWhere(params)
                        + " ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", offset).query(Rows.of(Article.class)).list();
    }

    long countNewsroom(Map<String, Object> params) {
        return jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + newsroomWhere(params)).params(params)
                .query(Long.class).single();
    }

    Optional<Long> createdBy(long id) {
        return jdbc.sql("SELECT created_by FROM article WHERE id = :id").param("id", id)
                .query((rs, n) -> (Long) rs.getObject(1, Long.class)).optional().filter(java.util.Objects::nonNull);
    }

    void setCreatedBy(long id, long userId) {
        jdbc.sql("UPDATE article SET created_by = :user WHERE id = :id").param("user", userId).param("id", id).update();
    }

    Optional<String> archiveRedirect(long id) {
        return jdbc.sql("SELECT archive_redirect FROM article WHERE id = :id").param("id", id)
                .query(String.class).optional().filter(s -> s != null && !s.isBlank());
    }

    List<Article> usingMedia(long mediaId, String bodyFragment) {
        return jdbc.sql("SELECT * FROM article WHERE lead_media_id = :id OR body_md LIKE :fragment ORDER BY title")
                .param("id", mediaId).param("fragment", "%" + bodyFragment + "%").query(Rows.of(Article.class)).list();
    }

    boolean slugTaken(String slug, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = :slug AND id <> :id").param("slug", slug)
                .param("id", exceptId).query(Long.class).single() > 0;
    }

    List<Article> inTranslationGroup(String group) {
        return jdbc.sql("SELECT * FROM article WHERE translation_group = :group ORDER BY language, id")
                .param("group", group).query(Rows.of(Article.class)).list();
    }
}
