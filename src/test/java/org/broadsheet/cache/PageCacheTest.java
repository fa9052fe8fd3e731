package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.Cookie;

import com.aayushatharva.brotli4j.decoder.Decoder;

import org.broadsheet.article.ArticleChanged;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.testing.ChangeLogs;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.Compression;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The page cache as readers and editors notice it: fast repeats, 304s, and changes that show at once. */
@SpringBootTest
@AutoConfigureMockMvc
class PageCacheTest {

    static final String RATCHET = "/2026/09/08/the-sanctions-ratchet/";

    @Autowired
    MockMvc mvc;
    @Autowired
    PageCache cache;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    ArticleService articles;
    @Autowired
    CommentService comments;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    SiteSettings settings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void empty() throws InterruptedException {
        settle(changeLog);
        cache.clear();
    }

    static void settle(ChangeLog changeLog) throws InterruptedException {
        ChangeLogs.settle(changeLog);
    }

    /**
     * Waits for the next second of the clock: a page made in the second of a change carries no Last-Modified
     * (the version it replaced may carry the same second), so a test of dates makes its page after it.
     */
    static void nextSecond() throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 5);
    }

    /** The cache key of an address asked for through MockMvc (http://localhost), no base address being set. */
    static String key(String path) {
        return "http://localhost" + path;
    }

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void repeatsComeFromTheCacheWithValidators() throws Exception {
        nextSecond();
        MockHttpServletResponse first = fetch(get(RATCHET));
        assertThat(cache.get(key(RATCHET))).isNotNull();
        MockHttpServletResponse second = fetch(get(RATCHET));
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).startsWith("\"");
        assertThat(second.getHeader("Last-Modified")).isNotBlank();
        assertThat(second.getHeader("Cache-Control")).contains("s-maxage").contains("stale-while-revalidate");
        assertThat(second.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.getContentType()).startsWith("text/html");
    }

    @Test
    void matchingValidatorsGetNotModified() throws Exception {
        nextSecond();
        MockHttpServletResponse first = fetch(get(RATCHET));
        MockHttpServletResponse byEtag = fetch(get(RATCHET).header("If-None-Match", first.getHeader("ETag")));
        assertThat(byEtag.getStatus()).isEqualTo(304);
        assertThat(byEtag.getContentAsByteArray()).isEmpty();
        MockHttpServletResponse byDate = fetch(get(RATCHET).header("If-Modified-Since", first.getHeader("Last-Modified")));
        assertThat(byDate.getStatus()).isEqualTo(304);
        assertThat(fetch(get(RATCHET).header("If-None-Match", "\"something-else\"")).getStatus()).isEqualTo(200);
    }

    @Test
    void aPageMadeInTheSecondOfAChangeIsRevalidatedByItsTagAlone() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            // Early in a second, so that the change and the page fall in it (unless the machine is very slow: then again).
            nextSecond();
            long second = System.currentTimeMillis() / 1000;
            MockHttpServletResponse before = fetch(get(RATCHET));
            cache.clear();
            MockHttpServletResponse after = fetch(get(RATCHET));
            if (System.currentTimeMillis() / 1000 != second) {
                continue;
            }
            assertThat(before.getHeader("Last-Modified")).as("made after an earlier change's second").isNotBlank();
            assertThat(after.getHeader("Last-Modified")).isNull();
            // A reader holding the version before the change, with only its date, gets the page again, not a 304.
            assertThat(fetch(get(RATCHET).header("If-Modified-Since", before.getHeader("Last-Modified"))).getStatus()).isEqualTo(200);
            assertThat(fetch(get(RATCHET).header("If-None-Match", after.getHeader("ETag"))).getStatus()).isEqualTo(304);
            return;
        }
        throw new AssertionError("five attempts to make a change and a page within one second all took longer");
    }

    @Test
    void gzipIsServedToReadersWhoAcceptIt() throws Exception {
        String plain = fetch(get(RATCHET)).getContentAsString();
        MockHttpServletResponse zipped = fetch(get(RATCHET).header("Accept-Encoding", "gzip, deflate"));
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
        byte[] body = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray())).readAllBytes();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(zipped.getContentAsByteArray().length).isLessThan(plain.length() / 2);
    }

    @Test
    void brotliIsServedToReadersWhoAcceptIt() throws Exception {
        assertThat(Compression.brotliAvailable()).as("brotli4j's native library loads on linux-x86_64").isTrue();
        MockHttpServletResponse plain = fetch(get(RATCHET));
        MockHttpServletResponse br = fetch(get(RATCHET).header("Accept-Encoding", "gzip, deflate, br"));
        assertThat(br.getHeader("Content-Encoding")).isEqualTo("br");
        assertThat(br.getHeader("Vary")).isEqualTo("Accept-Encoding");
        byte[] body = Decoder.decompress(br.getContentAsByteArray()).getDecompressedData();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(plain.getContentAsString());
        MockHttpServletResponse gzip = fetch(get(RATCHET).header("Accept-Encoding", "gzip"));
        assertThat(br.getContentAsByteArray().length).isLessThan(gzip.getContentAsByteArray().length);
        // A reader that refuses brotli gets gzip.
        assertThat(fetch(get(RATCHET).header("Accept-Encoding", "br;q=0, gzip")).getHeader("Content-Encoding"))
                .isEqualTo("gzip");
    }

    @Test
    void eachCopyHasItsOwnEntityTagAndAnyOfThemRevalidates() throws Exception {
        String plain = fetch(get(RATCHET)).getHeader("ETag");
        String gzip = fetch(get(RATCHET).header("Accept-Encoding", "gzip")).getHeader("ETag");
        String br = fetch(get(RATCHET).header("Accept-Encoding", "br")).getHeader("ETag");
        assertThat(List.of(plain, gzip, br)).doesNotHaveDuplicates().allMatch(tag -> tag.startsWith("\"") && tag.endsWith("\""));
        for (String tag : List.of(plain, gzip, br)) {
            MockHttpServletResponse revalidated = fetch(get(RATCHET).header("Accept-Encoding", "br").header("If-None-Match", tag));
            assertThat(revalidated.getStatus()).isEqualTo(304);
            assertThat(revalidated.getHeader("ETag")).isEqualTo(br);
        }
    }

    @Test
    void publishingShowsOnTheNextRequestAndLeavesUnrelatedPagesCached() throws Exception {
        fetch(get("/"));
        fetch(get("/section/europe/"));
        fetch(get("/section/opinion/"));
        fetch(get("/tag/arctic/"));
        long europe = taxonomy.sectionByPath("europe").orElseThrow().id();
        long id = articles.create(new ArticleService.NewArticle("cache-test-" + System.nanoTime(), "en",
                "A Fresh Dispatch From Brussels", "Standfirst", "Body text.", ArticleStatus.PUBLISHED,
                OffsetDateTime.now().minusMinutes(1), null, null, "", "", "", "", null, null, "", null, false,
                List.of(), List.of(europe), List.of()));
        try {
            assertThat(cache.get(key("/section/europe/"))).isNull();
            assertThat(cache.get(key("/"))).isNull();
            assertThat(cache.get(key("/section/opinion/"))).isNotNull();
            assertThat(cache.get(key("/tag/arctic/"))).isNotNull();
            assertThat(Jsoup.parse(fetch(get("/section/europe/")).getContentAsString()).select(".card-title a").eachText())
                    .contains("A Fresh Dispatch From Brussels");
            assertThat(Jsoup.parse(fetch(get("/")).getContentAsString()).select(".latest .card-title a").eachText())
                    .contains("A Fresh Dispatch From Brussels");
        } finally {
            deleteArticle(id);
        }
    }

    @Test
    void anApprovedCommentShowsOnItsArticleOnly() throws Exception {
        fetch(get(RATCHET));
        // An article page that neither relates nor links the commented one.
        String other = Jsoup.parse(fetch(get("/section/asia/")).getContentAsString()).select(".card-title a").eachAttr("href")
                .stream().filter(href -> {
                    try {
                        return !fetch(get(href)).getContentAsString().contains(RATCHET);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
        long articleId = articles.findBySlug("the-sanctions-ratchet").orElseThrow().id();
        comments.addTrusted(articleId, null, "Cache Tester", "tester@example.com", null, "A freshly approved remark.",
                CommentStatus.APPROVED, OffsetDateTime.now());
        assertThat(cache.get(key(RATCHET))).isNull();
        assertThat(cache.get(key(other))).isNotNull();
        assertThat(fetch(get(RATCHET)).getContentAsString()).contains("A freshly approved remark.");
    }

    @Test
    void renamingTheSiteDropsEveryPage() throws Exception {
        fetch(get(RATCHET));
        fetch(get("/"));
        String title = settings.current().title();
        settings.put(SiteSettings.TITLE, "Renamed Review");
        try {
            assertThat(cache.get(key(RATCHET))).isNull();
            assertThat(Jsoup.parse(fetch(get("/")).getContentAsString()).selectFirst(".site-title").text()).isEqualTo("Renamed Review");
        } finally {
            settings.put(SiteSettings.TITLE, title);
        }
    }

    @Test
    void signedInStaffAndReadersAwaitingModerationSeeFreshPages() throws Exception {
        fetch(get(RATCHET));
        MockHttpServletResponse staff = fetch(get(RATCHET).cookie(new Cookie("JSESSIONID", "abc")));
        assertThat(staff.getHeader("ETag")).isNull();
        assertThat(staff.getHeader("Cache-Control")).isEqualTo("private, no-store");
        MockHttpServletResponse commenter = fetch(get(RATCHET).cookie(new Cookie(PageCacheFilter.FRESH_COOKIE, "1")));
        assertThat(commenter.getHeader("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void onlyShareablePagesAreKept() throws Exception {
        fetch(get("/no-such-page"));
        assertThat(cache.get(key("/no-such-page"))).isNull();
        fetch(get("/tag/sanctions/?page=1"));
        assertThat(cache.get(key("/tag/sanctions/?page=1"))).isNull();
        assertThat(cache.get(key("/tag/sanctions/"))).as("page 1 is the list's page").isNotNull();
    }

    @Test
    void trackingQueryStringsNeverFillTheCache() throws Exception {
        MockHttpServletResponse plain = fetch(get(RATCHET));
        long pages = cache.size();
        for (int i = 0; i < 50; i++) {
            MockHttpServletResponse tracked = fetch(get(RATCHET + "?utm_source=campaign-" + i + "&fbclid=x" + i));
            assertThat(tracked.getStatus()).isEqualTo(200);
            // The page itself, from the cache, with its validators.
            assertThat(tracked.getHeader("ETag")).isEqualTo(plain.getHeader("ETag"));
            assertThat(tracked.getHeader("Cache-Control")).startsWith("public");
        }
        assertThat(cache.size()).isEqualTo(pages);
    }

    @Test
    void cacheStaysWithinItsByteLimit() {
        PageCache small = new PageCache(new PageCacheProperties(true, 100_000L, null, null));
        for (int i = 0; i < 200; i++) {
            small.put("/page/" + i, CachedPage.of(new byte[5_000], new byte[1_000], new byte[800], "text/html", "\"e\"", 0, List.of(),
                    java.util.Set.of("article:" + i), "public"), small.generation());
        }
        assertThat(small.weightedBytes()).isLessThanOrEqualTo(100_000L);
        assertThat(small.size()).isLessThan(200).isGreaterThan(0);
    }

    @Test
    void pagesAreKeptNoLongerThanTheirMaximumAge() {
        AtomicLong nanos = new AtomicLong();
        PageCache timed = new PageCache(new PageCacheProperties(true, 1_000_000L, null, Duration.ofMinutes(30)), nanos::get);
        timed.put("/", CachedPage.of(new byte[100], null, null, "text/html", "\"e\"", 0, List.of(), Set.of(), "public"),
                timed.generation());
        nanos.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(timed.get("/")).isNotNull();
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(timed.get("/")).as("the comment form's token and a discussion's closing follow the clock").isNull();
        assertThat(new PageCacheProperties(null, null, null, null).maxAge()).isLessThan(Duration.ofDays(1));
    }

    /** Deletes a test's article and says so, so that the search index forgets it too (other tests search). */
    static void deleteArticle(JdbcClient jdbc, ApplicationEventPublisher events, long id) {
        jdbc.sql("DELETE FROM article WHERE id = :id").param("id", id).update();
        events.publishEvent(new ArticleChanged(id, ""));
    }

    private void deleteArticle(long id) {
        deleteArticle(jdbc, events, id);
        cache.clear();
    }
}
