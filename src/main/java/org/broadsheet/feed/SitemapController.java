package org.broadsheet.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.broadsheet.article.ArticleIndexSource;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.article.ArticleStamp;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.change.ContentChanged;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /sitemap.xml}, a sitemap index pointing to the article, section, tag and author sitemaps (each split
 * every {@code broadsheet.sitemap.max-urls}, 50,000 by default, the protocol's limit) and to a Google News
 * sitemap of the last two days; and {@code /robots.txt} pointing to them.
 */
@Controller
class SitemapController {

    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final List<String> KINDS = List.of("articles", "sections", "tags", "authors");
    private static final Duration NEWS_WINDOW = Duration.ofDays(2);
    private static final int NEWS_MAX = 1000;

    private final ArticleIndexSource articles;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final SiteSettings settings;
    private final SiteUrls urls;
    private final Clock clock;
    private final int maxUrls;
    private final Cache<String, List<Entry>> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).build();

    SitemapController(ArticleIndexSource articles, TaxonomyService taxonomy, AuthorService authors, SiteSettings settings,
                      SiteUrls urls, Clock clock, @Value("${broadsheet.sitemap.max-urls:50000}") int maxUrls) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.settings = settings;
        this.urls = urls;
        this.clock = clock;
        this.maxUrls = Math.max(1, Math.min(50_000, maxUrls));
    }

    /** One URL of a sitemap; lastmod may be null. */
    record Entry(String loc, OffsetDateTime lastmod) {
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<byte[]> index() {
        List<Entry> sitemaps = new ArrayList<>();
        for (String kind : KINDS) {
            List<Entry> entries = entries(kind);
            int parts = Math.max(1, (entries.size() + maxUrls - 1) / maxUrls);
            for (int n = 1; n <= parts; n++) {
                List<Entry> part = entries.subList((n - 1) * maxUrls, Math.min(entries.size(), n * maxUrls));
                sitemaps.add(new Entry(urls.absolute("/sitemaps/" + kind + "-" + n + ".xml"), newest(part)));
            }
        }
        sitemaps.add(new Entry(urls.absolute("/sitemaps/news.xml"), newest(recentNews().stream()
                .map(a -> new Entry("", a.updatedAt())).toList())));
        return locations("sitemapindex", "sitemap", sitemaps);
    }

    @GetMapping("/sitemaps/{kind:[a-z]+}-{number:\\d{1,6}}.xml")
    ResponseEntity<byte[]> sitemap(@PathVariable String kind, @PathVariable int number) {
        if (!KINDS.contains(kind) || number < 1) {
            throw new NotFoundException("There is no such sitemap.");
        }
        List<Entry> entries = entries(kind);
        int from = (number - 1) * maxUrls;
        if (from >= Math.max(entries.size(), 1)) {
            throw new NotFoundException("There is no such sitemap.");
        }
        List<Entry> part = entries.subList(from, Math.min(entries.size(), from + maxUrls));
        return locations("urlset", "url", part);
    }

    /** A sitemap index or a sitemap: {@code <root><child><loc/><lastmod/></child>…</root>}, one child per entry. */
    private ResponseEntity<byte[]> locations(String root, String child, List<Entry> entries) {
        return xml(FeedXml.write(xml -> {
            xml.setDefaultNamespace(NS);
            xml.writeStartElement(NS, root);
            xml.writeDefaultNamespace(NS);
            for (Entry e : entries) {
                xml.writeStartElement(NS, child);
                FeedXml.element(xml, NS, "loc", e.loc());
                lastmod(xml, e.lastmod());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<byte[]> newsSitemap() {
        SiteSettings.Settings s = settings.current();
        List<ArticleStamp> recent = recentNews();
        return xml(FeedXml.write(xml -> {
            xml.setDefaultNamespace(NS);
            xml.setPrefix("news", NEWS);
            xml.writeStartElement(NS, "urlset");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("news", NEWS);
            for (ArticleStamp a : recent) {
                xml.writeStartElement(NS, "url");
                FeedXml.element(xml, NS, "loc", urls.absolute(ArticleUrls.of(a.publishedAt(), a.slug(), s.timeZone())));
                xml.writeStartElement(NEWS, "news");
                xml.writeStartElement(NEWS, "publication");
                FeedXml.element(xml, NEWS, "name", s.title());
                FeedXml.element(xml, NEWS, "language", a.language());
                xml.writeEndElement();
                FeedXml.element(xml, NEWS, "publication_date", iso(a.publishedAt()));
                FeedXml.element(xml, NEWS, "title", a.title());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }));
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        String body = """
                User-agent: *
                Disallow: /newsroom/
                Disallow: /search
                Disallow: /login

                Sitemap: %s
                Sitemap: %s
                """.formatted(urls.absolute("/sitemap.xml"), urls.absolute("/sitemaps/news.xml"));
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(body);
    }

    private List<ArticleStamp> recentNews() {
        return articles.publishedSince(OffsetDateTime.now(clock).minus(NEWS_WINDOW), NEWS_MAX);
    }

    /**
     * The URLs of one kind of sitemap. Reading them scans the article table, so they are kept until the next
     * change (or ten minutes): crawlers fetch the index and then each sitemap in turn.
     */
    List<Entry> entries(String kind) {
        return cache.get(kind, this::load);
    }

    /** Sitemaps list articles, sections, tags and authors, never comments: a comment keeps them. */
    @EventListener
    void on(ContentChanged change) {
        if (!ContentChanged.COMMENT.equals(change.entity())) {
            cache.invalidateAll();
        }
    }

    private List<Entry> load(String kind) {
        ZoneId zone = settings.current().timeZone();
        switch (kind) {
            case "articles": {
                List<Entry> out = new ArrayList<>();
                articles.forEachPublishedStamp(a ->
                        out.add(new Entry(urls.absolute(ArticleUrls.of(a.publishedAt(), a.slug(), zone)), a.updatedAt())));
                return out;
            }
            case "sections": {
                Map<Long, OffsetDateTime> changed = articles.lastChangeBySection();
                List<Entry> out = new ArrayList<>();
                List<Section> all = taxonomy.sections();
                for (Section s : all) {
                    // A section's page lists the sections below it too: its newest change is theirs as well.
                    OffsetDateTime newest = null;
                    for (Section other : all) {
                        if (other.path().equals(s.path()) || other.path().startsWith(s.path() + "/")) {
                            newest = later(newest, changed.get(other.id()));
                        }
                    }
                    out.add(new Entry(urls.absolute(s.url()), newest));
                }
                return out;
            }
            case "tags": {
                Map<Long, OffsetDateTime> changed = articles.lastChangeByTag();
                List<Entry> out = new ArrayList<>();
                for (Tag t : taxonomy.tags()) {
                    if (changed.containsKey(t.id())) {
                        out.add(new Entry(urls.absolute(t.url()), changed.get(t.id())));
                    }
                }
                return out;
            }
            default: {
                Map<Long, OffsetDateTime> changed = articles.lastChangeByAuthor();
                List<Entry> out = new ArrayList<>();
                for (Author a : authors.all()) {
                    if (changed.containsKey(a.id())) {
                        out.add(new Entry(urls.absolute(a.url()), changed.get(a.id())));
                    }
                }
                return out;
            }
        }
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime newest(List<Entry> entries) {
        OffsetDateTime out = null;
        for (Entry e : entries) {
            out = later(out, e.lastmod());
        }
        return out;
    }

    private static void lastmod(XMLStreamWriter xml, OffsetDateTime t) throws XMLStreamException {
        if (t != null) {
            FeedXml.element(xml, NS, "lastmod", iso(t));
        }
    }

    private static String iso(OffsetDateTime t) {
        return t.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static ResponseEntity<byte[]> xml(byte[] body) {
        // Sitemaps list every article: the page cache drops them on every article change.
        PageDependencies.record(PageDependencies.ALL_LISTS);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()).body(body);
    }
}
