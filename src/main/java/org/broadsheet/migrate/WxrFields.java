package org.broadsheet.migrate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.broadsheet.article.ArticleStatus;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.support.Slugs;
import org.jsoup.Jsoup;

/** How the fields of a WordPress export map onto Broadsheet's: statuses, languages, slugs, dates, text. */
final class WxrFields {

    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private WxrFields() {
    }

    /** The path and query of an address of the old site ("/2013/01/11/slug/", "/?p=12"), or null. */
    static String pathOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip().replace(" ", "%20"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }


    /**
     * WordPress statuses: publish → published, draft/auto-draft → draft, pending → in review, future →
     * scheduled, private → archived (kept, never shown to readers, and not mixed with work in progress).
     */
    static ArticleStatus status(String wp) {
        switch (wp == null ? "" : wp.strip()) {
            case "publish":
                return ArticleStatus.PUBLISHED;
            case "pending":
                return ArticleStatus.IN_REVIEW;
            case "future":
                return ArticleStatus.SCHEDULED;
            case "private":
            case "trash":
                return ArticleStatus.ARCHIVED;
            default:
                return ArticleStatus.DRAFT;
        }
    }

    static CommentStatus commentStatus(String approved) {
        switch (approved == null ? "" : approved.strip()) {
            case "1":
            case "approve":
            case "approved":
                return CommentStatus.APPROVED;
            case "spam":
                return CommentStatus.SPAM;
            case "trash":
            case "post-trashed":
                return CommentStatus.TRASH;
            default:
                return CommentStatus.PENDING;
        }
    }

    /** Polylang's language term, WPML's language meta, else the script of the text. */
    static String language(Wxr.Item item) {
        for (Wxr.ItemTerm t : item.terms()) {
            if ("language".equals(t.domain()) && !t.slug().isBlank()) {
                return languageCode(t.slug());
            }
        }
        for (String key : List.of("wpml_language", "_wpml_language", "_wpml_import_language_code", "_icl_lang_code")) {
            String v = item.meta(key);
            if (v != null && !v.isBlank()) {
                return languageCode(v);
            }
        }
        return LanguageDetector.detect(item.title() + " " + item.content());
    }

    private static String languageCode(String raw) {
        String code = raw.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return code.length() > 10 ? code.substring(0, 10) : code;
    }

    /** Polylang's post_translations term, or WPML's translation group, shared by a post and its translations. */
    static String translationGroup(Wxr.Item item) {
        for (Wxr.ItemTerm t : item.terms()) {
            if ("post_translations".equals(t.domain()) && !t.slug().isBlank()) {
                return clip(t.slug(), 64);
            }
        }
        for (String key : List.of("_wpml_import_translation_group", "wpml_translation_group", "_icl_translation_group",
                "_icl_trid", "icl_trid")) {
            String v = item.meta(key);
            if (v != null && !v.isBlank()) {
                return clip("wpml-" + v.strip(), 64);
            }
        }
        return null;
    }

    static String slug(String raw, String fallback) {
        String decoded = raw == null ? "" : raw.strip();
        try {
            decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not URL-encoded after all
        }
        String slug = Slugs.isSlug(decoded) ? decoded : Slugs.slugify(decoded);
        if (slug.isEmpty() && !decoded.isEmpty()) {
            // A name in a script without an ASCII spelling (Japanese): keep it recognisable and unique.
            slug = "t-" + Integer.toHexString(decoded.hashCode());
        }
        return slug.isEmpty() ? fallback : slug;
    }

    static String title(Wxr.Item item) {
        String t = text(item.title());
        return t.isBlank() ? "Untitled" : t;
    }

    /** Plain text of a bit of HTML (titles, excerpts, names carry entities and the odd tag). */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip();
        }
        return Jsoup.parseBodyFragment(html).text().strip();
    }

    static OffsetDateTime date(String gmt, String local) {
        OffsetDateTime d = parse(gmt);
        return d != null ? d : parse(local);
    }

    private static OffsetDateTime parse(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), WP_DATE).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            try {
                return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
