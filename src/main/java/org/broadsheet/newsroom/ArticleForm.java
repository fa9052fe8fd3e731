package org.broadsheet.newsroom;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.support.Slugs;

/**
 * What the article editor posts: every field as the person typed it, so that a form with a mistake comes
 * back exactly as sent. {@link #parse} turns it into an {@link ArticleService.ArticleEdit} or says what to fix.
 *
 * @param publishAt "2026-11-25T14:05" in the site's time zone, or empty
 * @param tags      tag names separated by commas
 * @param version   the article version the editor loaded
 */
public record ArticleForm(String title, String slug, String language, String standfirst, String body,
                          String publishAt, String leadMediaId, String leadCredit, String leadCaption, String leadAlt,
                          String editorNote, String partnerId, String originalUrl, String permissionNote,
                          String translationGroup, String featured, String commentsOpen, List<String> authorIds,
                          List<String> sectionIds, String tags, String version) {

    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public ArticleForm {
        title = clean(title);
        slug = clean(slug);
        language = clean(language);
        standfirst = clean(standfirst);
        body = body == null ? "" : body.replace("\r\n", "\n");
        publishAt = clean(publishAt);
        leadMediaId = clean(leadMediaId);
        leadCredit = clean(leadCredit);
        leadCaption = clean(leadCaption);
        leadAlt = clean(leadAlt);
        editorNote = editorNote == null ? "" : editorNote.replace("\r\n", "\n");
        partnerId = clean(partnerId);
        originalUrl = clean(originalUrl);
        permissionNote = clean(permissionNote);
        translationGroup = clean(translationGroup);
        featured = clean(featured);
        commentsOpen = clean(commentsOpen);
        authorIds = authorIds == null ? List.of() : authorIds.stream().map(ArticleForm::clean).toList();
        sectionIds = sectionIds == null ? List.of() : sectionIds.stream().map(ArticleForm::clean).toList();
        tags = clean(tags);
        version = clean(version);
    }

    /** The form for an article as stored. */
    public static ArticleForm of(Article a, ArticleService.Links links, String tagNames, ZoneId zone) {
        return new ArticleForm(a.title(), a.slug(), a.language(), a.standfirst(), a.bodyMd(),
                a.publishedAt() == null ? "" : a.publishedAt().atZoneSameInstant(zone).toLocalDateTime().format(LOCAL),
                a.leadMediaId() == null ? "" : a.leadMediaId().toString(), a.leadCredit(), a.leadCaption(), a.leadAlt(),
                a.editorNoteMd(), a.partnerId() == null ? "" : a.partnerId().toString(),
                a.originalUrl() == null ? "" : a.originalUrl(), a.permissionNote(),
                a.translationGroup() == null ? "" : a.translationGroup(), a.featured() ? "on" : "",
                a.commentsOpen() ? "on" : "", links.authorIds().stream().map(String::valueOf).toList(),
                links.sectionIds().stream().map(String::valueOf).toList(), tagNames, String.valueOf(a.version()));
    }

    /** The same form with another slug and version (after offering a free slug or a conflict). */
    public ArticleForm with(String newSlug, String newVersion) {
        return new ArticleForm(title, newSlug, language, standfirst, body, publishAt, leadMediaId, leadCredit,
                leadCaption, leadAlt, editorNote, partnerId, originalUrl, permissionNote, translationGroup, featured,
                commentsOpen, authorIds, sectionIds, tags, newVersion);
    }

    public boolean hasAuthor(int slot, long authorId) {
        return slot < authorIds.size() && authorIds.get(slot).equals(String.valueOf(authorId));
    }

    public boolean hasSection(long sectionId) {
        return sectionIds.contains(String.valueOf(sectionId));
    }

    public boolean isFeatured() {
        return !featured.isEmpty();
    }

    public boolean isCommentsOpen() {
        return !commentsOpen.isEmpty();
    }

    /** The result of checking a form: the edit, or messages by field name. */
    public record Parsed(ArticleService.ArticleEdit edit, int version, Map<String, String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Checks every field; tag ids come from {@code tagIds} (the caller resolves names). */
    public Parsed parse(ZoneId zone, List<Long> tagIds) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isEmpty()) {
            errors.put("title", "Give the article a title.");
        } else if (title.length() > 500) {
            errors.put("title", "The title is too long (500 characters at most).");
        }
        String theSlug = slug.isEmpty() ? Slugs.slugify(title) : slug;
        String slugProblem = Slugs.problem(theSlug);
        if (slugProblem != null) {
            errors.put("slug", slugProblem);
        }
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?") || language.length() > 10) {
            errors.put("language", "Choose the article's language.");
        }
        if (standfirst.length() > 2000) {
            errors.put("standfirst", "The standfirst is too long (2,000 characters at most).");
        }
        OffsetDateTime publishedAt = null;
        if (!publishAt.isEmpty()) {
            String problem = PublishTime.problem(publishAt);
            if (problem == null) {
                publishedAt = PublishTime.parse(publishAt, zone);
            } else {
                errors.put("publishAt", problem);
            }
        }
        if (!originalUrl.isEmpty() && !originalUrl.matches("(?i)https?://\\S+")) {
            errors.put("originalUrl", "The original address must start with http:// or https://.");
        } else if (originalUrl.length() > 2000) {
            errors.put("originalUrl", "The original address is too long (2,000 characters at most).");
        }
        if (permissionNote.length() > 2000) {
            errors.put("permissionNote", "The permission note is too long (2,000 characters at most).");
        }
        if (translationGroup.length() > 64) {
            errors.put("translationGroup", "The translation group is too long (64 characters at most).");
        }
        if (leadCredit.length() > 300 || leadAlt.length() > 500 || leadCaption.length() > 1000) {
            errors.put("lead", "The lead image's credit, caption or alt text is too long.");
        }
        if (editorNote.length() > 10_000) {
            errors.put("editorNote", "The editor's note is too long (10,000 characters at most).");
        }
        int v = -1;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            errors.put("version", "The form is incomplete; reload the editor (your text is kept in this browser).");
        }
        Long lead = id(leadMediaId, "leadMediaId", errors);
        Long partner = id(partnerId, "partnerId", errors);
        List<Long> authors = ids(authorIds, "authorIds", errors);
        List<Long> sections = ids(sectionIds, "sectionIds", errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, v, errors);
        }
        return new Parsed(new ArticleService.ArticleEdit(theSlug, language, title, standfirst, body, publishedAt, lead,
                leadCredit, leadCaption, leadAlt, editorNote, partner, originalUrl, permissionNote, translationGroup,
                isFeatured(), isCommentsOpen(), authors, sections, tagIds), v, errors);
    }

    /** Tag names as typed, without blanks or repeats. */
    public List<String> tagNames() {
        List<String> out = new ArrayList<>();
        for (String name : tags.split(",")) {
            String t = name.strip();
            if (!t.isEmpty() && out.stream().noneMatch(t::equalsIgnoreCase)) {
                out.add(t);
            }
        }
        return out;
    }

    static String joinTags(List<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }

    private static Long id(String value, String field, Map<String, String> errors) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.put(field, "Choose from the list.");
            return null;
        }
    }

    private static List<Long> ids(List<String> values, String field, Map<String, String> errors) {
        List<Long> out = new ArrayList<>();
        for (String v : values) {
            Long id = id(v, field, errors);
            if (id != null && !out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
