package org.broadsheet.article;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.author.Author;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.springframework.stereotype.Component;


/** The schema.org {@code NewsArticle} that search engines read from an article page. */
@Component
class ArticleStructuredData {

    private final SiteUrls urls;

    ArticleStructuredData(SiteUrls urls) {
        this.urls = urls;
    }

    String newsArticle(Article a, String url, List<Author> authors, List<Section> sections, List<Tag> tags,
                       String imageUrl, ArticlePage.Syndication syndication, SiteSettings.Settings settings) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", a.title());
        if (!a.standfirst().isBlank()) {
            ld.put("description", a.standfirst());
        }
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        ld.put("inLanguage", a.language());
        ld.put("datePublished", a.publishedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ld.put("dateModified", a.updatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ld.put("author", authors.stream().map(this::person).toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "Organization");
        publisher.put("name", settings.title());
        publisher.put("url", urls.absolute("/"));
        ld.put("publisher", publisher);
        if (!imageUrl.isEmpty()) {
            ld.put("image", List.of(imageUrl));
        }
        if (!sections.isEmpty()) {
            ld.put("articleSection", sections.stream().map(Section::fullName).toList());
        }
        if (!tags.isEmpty()) {
            ld.put("keywords", tags.stream().map(Tag::name).toList());
        }
        if (syndication != null) {
            ld.put("isBasedOn", syndication.originalUrl());
        }
        return CompactJson.of(ld);
    }

    private Map<String, Object> person(Author author) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@type", "Person");
        p.put("name", author.name());
        p.put("url", urls.absolute(author.url()));
        if (!author.credentials().isBlank()) {
            p.put("jobTitle", author.credentials());
        }
        if (!author.affiliation().isBlank()) {
            p.put("affiliation", Map.of("@type", "Organization", "name", author.affiliation()));
        }
        if (author.photo() != null) {
            p.put("image", urls.absolute(author.photo().urlFor(400)));
        }
        return p;
    }
}
