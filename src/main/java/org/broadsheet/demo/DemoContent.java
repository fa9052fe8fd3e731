package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.syndication.PartnerService;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo journal, "The Meridian Review", written by this project: authors with portraits, a tree of
 * sections, tags, a partner, articles in English, Russian and Japanese with lead images, and comments.
 * The content is in {@code demo/site.yaml} (read by {@link DemoJournal}) and {@code demo/articles/*.md} on the classpath.
 */
@Component
class DemoContent {

    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final PartnerService partners;
    private final ArticleService articles;
    private final CommentService comments;
    private final MediaService media;
    private final SiteSettings settings;

    DemoContent(AuthorService authors, TaxonomyService taxonomy, PartnerService partners, ArticleService articles,
                CommentService comments, MediaService media, SiteSettings settings) {
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.partners = partners;
        this.articles = articles;
        this.comments = comments;
        this.media = media;
        this.settings = settings;
    }

    /** Loads everything in one transaction: a failure leaves the database empty, to be tried again next start. */
    @Transactional
    int load() throws IOException {
        Map<String, Object> doc = DemoJournal.document();
        Map<String, Object> site = map(doc.get("site"));
        settings.putAll(Map.of(SiteSettings.TITLE, str(site, "title"), SiteSettings.TAGLINE, str(site, "tagline")));

        Map<String, Long> authorIds = new HashMap<>();
        int seed = 1;
        for (Map<String, Object> a : list(doc.get("authors"))) {
            Map<String, Object> portrait = map(a.get("portrait"));
            String slug = str(a, "slug");
            Image photo = media.store(DemoImages.portrait(num(portrait, "hue", 200), seed++), "demo/portrait-" + slug,
                    "jpeg", new MediaService.ImageText("Portrait of " + str(a, "name"), "", "Illustration: " + str(site, "title")));
            List<Author.Link> links = list(a.get("links")).stream()
                    .map(l -> new Author.Link(str(l, "label"), str(l, "url"))).toList();
            authorIds.put(slug, authors.create(new AuthorService.NewAuthor(slug, str(a, "name"), str(a, "credentials"),
                    str(a, "affiliation"), str(a, "bio"), photo.id(), null, links)));
        }

        Map<String, Long> sectionIds = new HashMap<>();
        int position = 0;
        for (Map<String, Object> s : list(doc.get("sections"))) {
            long id = taxonomy.createSection(null, str(s, "slug"), str(s, "name"), str(s, "description"), position++);
            sectionIds.put(str(s, "slug"), id);
            int childPosition = 0;
            for (Map<String, Object> child : list(s.get("children"))) {
                long childId = taxonomy.createSection(id, str(child, "slug"), str(child, "name"),
                        str(child, "description"), childPosition++);
                sectionIds.put(str(s, "slug") + "/" + str(child, "slug"), childId);
            }
        }

        Map<String, Long> tagIds = new HashMap<>();
        for (Map<String, Object> t : list(doc.get("tags"))) {
            tagIds.put(str(t, "slug"), taxonomy.createTag(str(t, "slug"), str(t, "name")));
        }

        Map<String, Long> partnerIds = new HashMap<>();
        for (Map<String, Object> p : list(doc.get("partners"))) {
            partnerIds.put(str(p, "slug"), partners.create(str(p, "slug"), str(p, "name"), str(p, "url"),
                    str(p, "permission_note")));
        }

        media.store(DemoImages.chart(), "demo/figure-1", "png",
                new MediaService.ImageText("Bar chart of eight values falling from left to right", "", str(site, "title")));

        int count = 0;
        for (Map<String, Object> a : list(doc.get("articles"))) {
            String slug = str(a, "slug");
            Map<String, Object> lead = map(a.get("lead"));
            Image leadImage = media.store(DemoImages.lead(num(lead, "hue", 200), str(lead, "motif"), slug.hashCode()),
                    "demo/lead-" + slug, "jpeg",
                    new MediaService.ImageText(str(lead, "alt"), str(lead, "caption"), str(lead, "credit")));
            Map<String, Object> syndication = map(a.get("syndication"));
            OffsetDateTime published = OffsetDateTime.parse(str(a, "published"));
            long articleId = articles.create(new ArticleService.NewArticle(slug, str(a, "language"), str(a, "title"),
                    str(a, "standfirst"), readText("demo/articles/" + slug + ".md"), ArticleStatus.PUBLISHED, published,
                    a.containsKey("updated") ? OffsetDateTime.parse(str(a, "updated")) : published,
                    leadImage.id(), str(lead, "credit"), str(lead, "caption"), str(lead, "alt"),
                    str(a, "editor_note"),
                    syndication.isEmpty() ? null : partnerIds.get(str(syndication, "partner")),
                    syndication.isEmpty() ? null : str(syndication, "original_url"), "",
                    a.containsKey("translation") ? str(a, "translation") : null,
                    Boolean.TRUE.equals(a.get("featured")),
                    ids(a.get("authors"), authorIds, "author", slug),
                    ids(a.get("sections"), sectionIds, "section", slug),
                    ids(a.get("tags"), tagIds, "tag", slug)));
            addComments(articleId, null, list(a.get("comments")));
            count++;
        }
        return count;
    }

    private void addComments(long articleId, Long parentId, List<Map<String, Object>> thread) {
        for (Map<String, Object> c : thread) {
            long id = comments.addTrusted(articleId, parentId, str(c, "name"), str(c, "email"),
                    c.containsKey("url") ? str(c, "url") : null, str(c, "text"), CommentStatus.APPROVED,
                    OffsetDateTime.parse(str(c, "at")));
            addComments(articleId, id, list(c.get("replies")));
        }
    }

    private static List<Long> ids(Object slugs, Map<String, Long> known, String kind, String article) {
        List<Long> out = new ArrayList<>();
        if (slugs instanceof List<?> list) {
            for (Object slug : list) {
                Long id = known.get(String.valueOf(slug));
                if (id == null) {
                    throw new IllegalStateException("Demo article " + article + " names an unknown " + kind + ": " + slug);
                }
                out.add(id);
            }
        }
        return out;
    }

    private static String readText(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static int num(Map<String, Object> m, String key, int fallback) {
        return m.get(key) instanceof Number n ? n.intValue() : fallback;
    }
}
