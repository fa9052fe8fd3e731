package org.broadsheet.migrate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.broadsheet.article.ArticleUrls;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.support.Rows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes the site as a WordPress export (WXR 1.2) that WordPress's importer reads: authors, sections as
 * categories (with their hierarchy), tags, articles as posts with their rendered HTML (footnotes and galleries in
 * the block editor's forms, see {@link BlockEditorMarkup}), excerpts, statuses,
 * languages and translation groups as Polylang terms, lead images as attachments with {@code _thumbnail_id},
 * and the comments with their threading. Streams article by article.
 */
@Service
class WxrWriter {

    private static final String WP = "http://wordpress.org/export/1.2/";
    /** The site's address in the file when {@code broadsheet.base-url} is not set. */
    static final String UNSET_BASE = "http://localhost:8080";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> ADDRESS_ATTRIBUTES = List.of("src", "href", "srcset", "poster");
    private static final String LOCAL_ADDRESSES = "[src^=/], [href^=/], [srcset*=/], [poster^=/]";

    private final JdbcClient jdbc;
    private final SiteSettings settings;
    private final BroadsheetProperties properties;

    WxrWriter(JdbcClient jdbc, SiteSettings settings, BroadsheetProperties properties) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.properties = properties;
    }

    record Counts(long posts, long comments, long attachments) {
    }

    record ArticleRow(long id, String slug, String language, String title, String standfirst, String bodyHtml,
                      String status, OffsetDateTime publishedAt, OffsetDateTime updatedAt, OffsetDateTime createdAt,
                      Long leadMediaId, String translationGroup, boolean featured, boolean commentsOpen) {
    }

    record CommentRow(long id, Long parentId, String authorName, String authorEmail, String authorUrl, String authorIp,
                      String body, String status, OffsetDateTime createdAt) {
    }

    record MediaRow(long id, String storageKey, String fileName, String altText, String caption, String remoteUrl,
                    OffsetDateTime createdAt) {
    }

    Counts write(Path file) throws IOException, XMLStreamException {
        SiteSettings.Settings s = settings.current();
        String base = properties.baseUrl().isEmpty() ? UNSET_BASE : properties.baseUrl();
        long posts = 0, comments = 0;
        try (OutputFile output = OutputFile.of(file)) {
            try (OutputStream out = new BufferedOutputStream(output.open(), 1 << 16)) {
                XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                w.writeStartDocument("UTF-8", "1.0");
                w.writeCharacters("\n");
                w.writeStartElement("rss");
                w.writeAttribute("version", "2.0");
                w.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
                w.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
                w.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
                w.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
                w.writeNamespace("wp", WP);
                w.setPrefix("excerpt", "http://wordpress.org/export/1.2/excerpt/");
                w.setPrefix("content", "http://purl.org/rss/1.0/modules/content/");
                w.setPrefix("dc", "http://purl.org/dc/elements/1.1/");
                w.setPrefix("wp", WP);
                w.writeStartElement("channel");
                text(w, null, "title", s.title());
                text(w, null, "link", base);
                text(w, null, "description", s.tagline());
                text(w, null, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC)));
                text(w, null, "language", s.language());
                text(w, WP, "wxr_version", "1.2");
                text(w, WP, "base_site_url", base);
                text(w, WP, "base_blog_url", base);
                Map<Long, String> logins = authors(w);
                Map<Long, String> nicenames = categories(w);
                tags(w);

                Map<Long, MediaRow> media = new HashMap<>();
                jdbc.sql("SELECT id, storage_key, file_name, alt_text, caption, remote_url, created_at FROM media")
                        .query(Rows.of(MediaRow.class)).list().forEach(m -> media.put(m.id(), m));
                long attachmentBase = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM article").query(Long.class).single();
                Map<String, Long> attachmentIds = new HashMap<>();
                for (MediaRow m : media.values()) {
                    attachment(w, m, attachmentBase + m.id(), base);
                    attachmentIds.put(attachmentUrl(m, base), attachmentBase + m.id());
                }

                List<Long> ids = jdbc.sql("SELECT id FROM article ORDER BY id").query(Long.class).list();
                for (int from = 0; from < ids.size(); from += 200) {
                    List<Long> slice = ids.subList(from, Math.min(ids.size(), from + 200));
                    List<ArticleRow> rows = jdbc.sql("""
                            SELECT id, slug, language, title, standfirst, body_html, status, published_at, updated_at,
                                created_at, lead_media_id, translation_group, featured, comments_open
                            FROM article WHERE id IN (:ids) ORDER BY id""").param("ids", slice).query(Rows.of(ArticleRow.class)).list();
                    for (ArticleRow a : rows) {
                        comments += item(w, a, logins, nicenames, base, attachmentBase, attachmentIds, s);
                        posts++;
                    }
                }
                w.writeEndElement();
                w.writeEndElement();
                w.writeCharacters("\n");
                w.writeEndDocument();
                w.close();
            }
            output.commit();
        }
        return new Counts(posts, comments, jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single());
    }

    private Map<Long, String> authors(XMLStreamWriter w) throws XMLStreamException {
        Map<Long, String> logins = new HashMap<>();
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT a.id, a.slug, a.name, COALESCE(a.email, u.email) AS email FROM author a
                LEFT JOIN app_user u ON u.author_id = a.id ORDER BY a.id""").query().listOfRows();
        for (Map<String, Object> r : rows) {
            long id = ((Number) r.get("id")).longValue();
            if (logins.containsKey(id)) {
                continue;
            }
            logins.put(id, (String) r.get("slug"));
            w.writeStartElement("wp", "author", WP);
            text(w, WP, "author_id", String.valueOf(id));
            cdata(w, WP, "author_login", (String) r.get("slug"));
            cdata(w, WP, "author_email", r.get("email") == null ? "" : (String) r.get("email"));
            cdata(w, WP, "author_display_name", (String) r.get("name"));
            cdata(w, WP, "author_first_name", "");
            cdata(w, WP, "author_last_name", "");
            w.writeEndElement();
        }
        return logins;
    }

    /**
     * Each section's own slug as the nicename, so that WordPress (and an import back) builds the same address
     * from it and its parent; see {@link SectionNicenames} for two sections with one slug. Parents come first.
     */
    private Map<Long, String> categories(XMLStreamWriter w) throws XMLStreamException {
        Map<Long, String> nicenames = new HashMap<>();
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, parent_id, slug, path, name, description FROM section ORDER BY path")
                .query().listOfRows();
        SectionNicenames unique = new SectionNicenames();
        // Shallower sections first: of two sections with one slug, a top-level one keeps it as it is.
        List<Map<String, Object>> byDepth = new ArrayList<>(rows);
        byDepth.sort(Comparator.comparingLong(r -> ((String) r.get("path")).chars().filter(c -> c == '/').count()));
        for (Map<String, Object> r : byDepth) {
            nicenames.put(((Number) r.get("id")).longValue(), unique.of((String) r.get("slug"), (String) r.get("path")));
        }
        for (Map<String, Object> r : rows) {
            Object parent = r.get("parent_id");
            w.writeStartElement("wp", "category", WP);
            text(w, WP, "term_id", String.valueOf(r.get("id")));
            cdata(w, WP, "category_nicename", nicenames.get(((Number) r.get("id")).longValue()));
            cdata(w, WP, "category_parent", parent == null ? "" : nicenames.getOrDefault(((Number) parent).longValue(), ""));
            cdata(w, WP, "cat_name", (String) r.get("name"));
            cdata(w, WP, "category_description", (String) r.get("description"));
            w.writeEndElement();
        }
        return nicenames;
    }

    private void tags(XMLStreamWriter w) throws XMLStreamException {
        for (Map<String, Object> r : jdbc.sql("SELECT id, slug, name FROM tag ORDER BY slug").query().listOfRows()) {
            w.writeStartElement("wp", "tag", WP);
            text(w, WP, "term_id", String.valueOf(r.get("id")));
            cdata(w, WP, "tag_slug", (String) r.get("slug"));
            cdata(w, WP, "tag_name", (String) r.get("name"));
            w.writeEndElement();
        }
    }

    private static String attachmentUrl(MediaRow m, String base) {
        return m.remoteUrl() != null ? m.remoteUrl() : base + MediaStorage.url(m.storageKey());
    }

    private void attachment(XMLStreamWriter w, MediaRow m, long postId, String base) throws XMLStreamException {
        String url = attachmentUrl(m, base);
        w.writeStartElement("item");
        text(w, null, "title", m.fileName());
        text(w, null, "link", url);
        writeGuid(w, url);
        cdata(w, "http://purl.org/rss/1.0/modules/content/", "encoded", "");
        cdata(w, "http://wordpress.org/export/1.2/excerpt/", "encoded", m.caption());
        text(w, WP, "post_id", String.valueOf(postId));
        cdata(w, WP, "post_date", WP_DATE.format(m.createdAt().withOffsetSameInstant(ZoneOffset.UTC)));
        cdata(w, WP, "post_date_gmt", WP_DATE.format(m.createdAt().withOffsetSameInstant(ZoneOffset.UTC)));
        cdata(w, WP, "post_name", m.fileName().replaceAll("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        cdata(w, WP, "status", "inherit");
        text(w, WP, "post_parent", "0");
        cdata(w, WP, "post_type", "attachment");
        cdata(w, WP, "attachment_url", url);
        if (!m.altText().isBlank()) {
            meta(w, "_wp_attachment_image_alt", m.altText());
        }
        w.writeEndElement();
    }

    private long item(XMLStreamWriter w, ArticleRow a, Map<Long, String> logins, Map<Long, String> nicenames,
                      String base, long attachmentBase, Map<String, Long> attachmentIds, SiteSettings.Settings s)
            throws XMLStreamException {
        String url = a.publishedAt() == null ? base + "/?p=" + a.id() : base + ArticleUrls.of(a.publishedAt(), a.slug(), s.timeZone());
        w.writeStartElement("item");
        text(w, null, "title", a.title());
        text(w, null, "link", url);
        if (a.publishedAt() != null) {
            text(w, null, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishedAt().withOffsetSameInstant(ZoneOffset.UTC)));
        }
        List<Long> authorIds = jdbc.sql("SELECT author_id FROM article_author WHERE article_id = :id ORDER BY position")
                .param("id", a.id()).query(Long.class).list();
        cdata(w, "http://purl.org/dc/elements/1.1/", "creator", authorIds.isEmpty() ? "" : logins.getOrDefault(authorIds.get(0), ""));
        writeGuid(w, base + "/?p=" + a.id());
        text(w, null, "description", "");
        BlockEditorMarkup.Written body = BlockEditorMarkup.of(absolute(a.bodyHtml(), base), a.id(), attachmentIds);
        cdata(w, "http://purl.org/rss/1.0/modules/content/", "encoded", body.html());
        cdata(w, "http://wordpress.org/export/1.2/excerpt/", "encoded", a.standfirst());
        text(w, WP, "post_id", String.valueOf(a.id()));
        OffsetDateTime date = a.publishedAt() != null ? a.publishedAt() : a.createdAt();
        cdata(w, WP, "post_date", WP_DATE.format(date.atZoneSameInstant(s.timeZone())));
        cdata(w, WP, "post_date_gmt", a.publishedAt() == null ? "0000-00-00 00:00:00" : WP_DATE.format(date.withOffsetSameInstant(ZoneOffset.UTC)));
        cdata(w, WP, "post_modified", WP_DATE.format(a.updatedAt().atZoneSameInstant(s.timeZone())));
        cdata(w, WP, "post_modified_gmt", WP_DATE.format(a.updatedAt().withOffsetSameInstant(ZoneOffset.UTC)));
        cdata(w, WP, "comment_status", a.commentsOpen() ? "open" : "closed");
        cdata(w, WP, "ping_status", "closed");
        cdata(w, WP, "post_name", a.slug());
        cdata(w, WP, "status", wpStatus(a.status()));
        text(w, WP, "post_parent", "0");
        text(w, WP, "menu_order", "0");
        cdata(w, WP, "post_type", "post");
        cdata(w, WP, "post_password", "");
        text(w, WP, "is_sticky", a.featured() ? "1" : "0");
        for (Long sectionId : jdbc.sql("SELECT section_id FROM article_section WHERE article_id = :id ORDER BY position")
                .param("id", a.id()).query(Long.class).list()) {
            term(w, "category", nicenames.getOrDefault(sectionId, ""), sectionName(sectionId));
        }
        for (Map<String, Object> t : jdbc.sql("SELECT t.slug, t.name FROM tag t JOIN article_tag at ON at.tag_id = t.id WHERE at.article_id = :id ORDER BY t.slug")
                .param("id", a.id()).query().listOfRows()) {
            term(w, "post_tag", (String) t.get("slug"), (String) t.get("name"));
        }
        // Polylang's shape, so that a multilingual WordPress (and Broadsheet) keeps languages and translation links.
        term(w, "language", a.language(), a.language());
        if (a.translationGroup() != null && !a.translationGroup().isBlank()) {
            term(w, "post_translations", a.translationGroup(), a.translationGroup());
        }
        if (a.leadMediaId() != null) {
            meta(w, "_thumbnail_id", String.valueOf(attachmentBase + a.leadMediaId()));
        }
        if (body.footnotesMeta() != null) {
            meta(w, "footnotes", body.footnotesMeta());
        }
        List<CommentRow> comments = jdbc.sql("""
                SELECT id, parent_id, author_name, author_email, author_url, author_ip, body, status, created_at
                FROM comment WHERE article_id = :id ORDER BY id""").param("id", a.id()).query(Rows.of(CommentRow.class)).list();
        for (CommentRow c : comments) {
            w.writeStartElement("wp", "comment", WP);
            text(w, WP, "comment_id", String.valueOf(c.id()));
            cdata(w, WP, "comment_author", c.authorName());
            cdata(w, WP, "comment_author_email", c.authorEmail());
            cdata(w, WP, "comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
            cdata(w, WP, "comment_author_IP", c.authorIp() == null ? "" : c.authorIp());
            cdata(w, WP, "comment_date", WP_DATE.format(c.createdAt().atZoneSameInstant(s.timeZone())));
            cdata(w, WP, "comment_date_gmt", WP_DATE.format(c.createdAt().withOffsetSameInstant(ZoneOffset.UTC)));
            cdata(w, WP, "comment_content", c.body());
            cdata(w, WP, "comment_approved", switch (c.status()) {
                case "APPROVED" -> "1";
                case "SPAM" -> "spam";
                case "TRASH" -> "trash";
                default -> "0";
            });
            cdata(w, WP, "comment_type", "comment");
            text(w, WP, "comment_parent", c.parentId() == null ? "0" : String.valueOf(c.parentId()));
            text(w, WP, "comment_user_id", "0");
            w.writeEndElement();
        }
        w.writeEndElement();
        return comments.size();
    }

    /**
     * The body with its addresses on this site ({@code /media/…}, {@code /2024/…}) made absolute: in WordPress
     * they would point at WordPress's own host, and its importer replaces an image's address with the copy it
     * downloads only where the body names the attachment's absolute {@code attachment_url}.
     */
    static String absolute(String html, String base) {
        if (html == null || !(html.contains("=\"/") || html.contains("='/"))) {
            return html;
        }
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.select(LOCAL_ADDRESSES)) {
            for (String attribute : ADDRESS_ATTRIBUTES) {
                if (e.hasAttr(attribute)) {
                    e.attr(attribute, absoluteList(e.attr(attribute), base, "srcset".equals(attribute)));
                }
            }
        }
        return doc.body().html();
    }

    /** One address, or a srcset's comma-separated "address width" candidates, made absolute where they start with one slash. */
    private static String absoluteList(String value, String base, boolean list) {
        if (!list) {
            return value.startsWith("/") && !value.startsWith("//") ? base + value : value;
        }
        StringBuilder out = new StringBuilder();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            out.append(out.isEmpty() ? "" : ", ").append(c.startsWith("/") && !c.startsWith("//") ? base + c : c);
        }
        return out.toString();
    }

    private final Map<Long, String> sectionNames = new HashMap<>();

    private String sectionName(long id) {
        return sectionNames.computeIfAbsent(id, k -> jdbc.sql("SELECT name FROM section WHERE id = :id").param("id", k)
                .query(String.class).optional().orElse(""));
    }

    static String wpStatus(String status) {
        return switch (status) {
            case "PUBLISHED" -> "publish";
            case "IN_REVIEW" -> "pending";
            case "SCHEDULED" -> "future";
            case "ARCHIVED" -> "private";
            default -> "draft";
        };
    }

    private static void term(XMLStreamWriter w, String domain, String nicename, String name) throws XMLStreamException {
        w.writeStartElement("category");
        w.writeAttribute("domain", domain);
        w.writeAttribute("nicename", clean(nicename));
        for (String part : cdataSafe(name)) {
            w.writeCData(part);
        }
        w.writeEndElement();
    }

    private static void meta(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        w.writeStartElement("wp", "postmeta", WP);
        cdata(w, WP, "meta_key", key);
        cdata(w, WP, "meta_value", value);
        w.writeEndElement();
    }

    private static void writeGuid(XMLStreamWriter w, String url) throws XMLStreamException {
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters(clean(url));
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (ns == null) {
            w.writeStartElement(name);
        } else {
            w.writeStartElement(ns, name);
        }
        w.writeCharacters(clean(value == null ? "" : value));
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static void cdata(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        w.writeStartElement(ns, name);
        for (String part : cdataSafe(value == null ? "" : value)) {
            w.writeCData(part);
        }
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    /** CDATA cannot hold "]]>": split there into consecutive sections, as WordPress's exporter does. */
    static List<String> cdataSafe(String value) {
        String[] parts = clean(value).split("]]>", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            out.add((i > 0 ? ">" : "") + parts[i] + (i < parts.length - 1 ? "]]" : ""));
        }
        return out;
    }

    /** Characters XML 1.0 does not allow (most control characters) are dropped. */
    private static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
