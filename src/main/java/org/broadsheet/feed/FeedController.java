package org.broadsheet.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import org.broadsheet.article.ArticleContent;
import org.broadsheet.article.ArticleIndexSource;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * RSS 2.0 at {@code …/feed/} and Atom at {@code …/feed/atom/} for the whole site, each section (with the
 * sections below it), tag and author. Each answers conditional GETs: the ETag covers the entries and the
 * settings that shape them, Last-Modified is the newest entry's update.
 */
@Controller
class FeedController {

    static final int ENTRIES = 20;
    static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ArticleIndexSource articles;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final SiteSettings settings;
    private final SiteUrls urls;
    private final RssWriter rss;
    private final AtomWriter atom = new AtomWriter();

    FeedController(ArticleIndexSource articles, TaxonomyService taxonomy, AuthorService authors,
                   SiteSettings settings, SiteUrls urls, MediaStorage storage) {
        this.articles = articles;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.settings = settings;
        this.urls = urls;
        this.rss = new RssWriter(storage);
    }

    /** What a feed follows: its title and description, the page it mirrors, and how to list its articles. */
    private record Scope(String title, String description, String pagePath, Lister lister) {
    }

    private interface Lister {
        List<Long> ids();
    }

    @GetMapping({"/feed/", "/feed/atom/"})
    ResponseEntity<byte[]> site(ServletWebRequest request) {
        SiteSettings.Settings s = settings.current();
        return answer(request, new Scope(s.title(), s.tagline(), "/",
                () -> articles.latestIds(null, List.of(), ENTRIES)));
    }

    @GetMapping({"/section/{a}/feed/", "/section/{a}/feed/atom/", "/section/{a}/{b}/feed/", "/section/{a}/{b}/feed/atom/",
            "/section/{a}/{b}/{c}/feed/", "/section/{a}/{b}/{c}/feed/atom/"})
    ResponseEntity<byte[]> section(@PathVariable String a, @PathVariable(required = false) String b,
                                   @PathVariable(required = false) String c, ServletWebRequest request) {
        String path = a + (b == null ? "" : "/" + b) + (c == null ? "" : "/" + c);
        Section section = taxonomy.sectionByPath(path)
                .orElseThrow(() -> new NotFoundException("There is no section at this address."));
        SiteSettings.Settings s = settings.current();
        return answer(request, new Scope(section.fullName() + " — " + s.title(),
                section.description().isBlank() ? "Articles in " + section.fullName() : section.description(), section.url(),
                () -> articles.latestIds("article_section", taxonomy.withDescendants(section.id()), ENTRIES)));
    }

    @GetMapping({"/tag/{slug}/feed/", "/tag/{slug}/feed/atom/"})
    ResponseEntity<byte[]> tag(@PathVariable String slug, ServletWebRequest request) {
        Tag tag = taxonomy.tagBySlug(slug).orElseThrow(() -> new NotFoundException("There is no tag at this address."));
        SiteSettings.Settings s = settings.current();
        return answer(request, new Scope(tag.name() + " — " + s.title(), "Articles about " + tag.name(), tag.url(),
                () -> articles.latestIds("article_tag", List.of(tag.id()), ENTRIES)));
    }

    @GetMapping({"/author/{slug}/feed/", "/author/{slug}/feed/atom/"})
    ResponseEntity<byte[]> author(@PathVariable String slug, ServletWebRequest request) {
        Author author = authors.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no author at this address."));
        SiteSettings.Settings s = settings.current();
        return answer(request, new Scope(author.name() + " — " + s.title(), "Articles by " + author.name(), author.url(),
                () -> articles.latestIds("article_author", List.of(author.id()), ENTRIES)));
    }

    private ResponseEntity<byte[]> answer(ServletWebRequest request, Scope scope) {
        // Any article change may add to, reorder or alter a feed: the page cache drops feeds on every one.
        PageDependencies.record(PageDependencies.ALL_LISTS);
        String path = request.getRequest().getRequestURI();
        boolean isAtom = path.endsWith("/atom/");
        SiteSettings.Settings s = settings.current();
        boolean fullText = !"excerpt".equals(settings.value(SiteSettings.FEED_CONTENT, "full"));
        List<Long> ids = scope.lister().ids();
        List<ArticleContent> entries = articles.contents(ids);
        Feed feed = new Feed(scope.title(), scope.description(), s.language(), urls.absolute(scope.pagePath()),
                urls.absolute(path), urls.base(), s.timeZone(), fullText, entries);
        OffsetDateTime updated = feed.updated();
        String etag = etag(feed, isAtom, s);
        long lastModified = updated == null ? -1 : updated.toInstant().toEpochMilli();
        if (request.checkNotModified(etag, lastModified)) {
            return null;
        }
        byte[] body = isAtom ? atom.write(feed, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)) : rss.write(feed);
        return ResponseEntity.ok()
                .contentType(isAtom ? ATOM : RSS)
                .cacheControl(CacheControl.noCache().cachePublic())
                .body(body);
    }

    /** Changes whenever anything the feed shows could have changed. */
    private static String etag(Feed feed, boolean isAtom, SiteSettings.Settings s) {
        StringBuilder key = new StringBuilder().append(isAtom).append('|').append(feed.fullText()).append('|')
                .append(feed.title()).append('|').append(feed.description()).append('|').append(s.timeZone())
                .append('|').append(feed.baseUrl());
        for (ArticleContent a : feed.entries()) {
            key.append('|').append(a.id()).append('@').append(a.updatedAt().toInstant().toEpochMilli())
                    .append('@').append(a.publishedAt().toInstant().toEpochMilli());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
