package org.broadsheet.migrate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
     * scheduled, private → archived (kept, never shown to readers, and not mixed with work in progress; see
     * {@link ImportedArticleRow} for why without a publication date).
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
        String stripped = value.strip();
        LocalDateTime plain = plainDate(stripped);
        if (plain != null) {
            return plain.atOffset(ZoneOffset.UTC);
        }
        try {
            return LocalDateTime.parse(stripped, WP_DATE).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            try {
                return ZonedDateTime.parse(stripped, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    /**
     * "2013-04-04 03:03:00" read digit by digit: the form of every date of an export (two per post and per
     * comment), which {@link #WP_DATE} reads ten times slower. Null for anything else, including values outside
     * the plain ranges (the 31st of a short month, hour 24), which the formatter resolves in its own way.
     */
    private static LocalDateTime plainDate(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /** The number written with ASCII digits from {@code from} to {@code to}; -1 if another character is there. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
