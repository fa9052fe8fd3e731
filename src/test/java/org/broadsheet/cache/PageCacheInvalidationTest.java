package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.cache.PageCacheTest.key;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.change.ContentChanged;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Changes a reader sees on the next request on pages the first invalidation rules missed: a discussion's own
 * pages, the later pages of a list an article leaves, an article's translations, and pages rendered from what
 * the change log brings up to date.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageCacheInvalidationTest {

    static final String RATCHET = PageCacheTest.RATCHET;

    @Autowired
    MockMvc mvc;
    @Autowired
    PageCache cache;
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
    @Autowired
    ChangeLog changeLog;

    final long suffix = System.nanoTime();
    int created;

    @BeforeEach
    void empty() throws InterruptedException {
        PageCacheTest.settle(changeLog);
        cache.clear();
    }

    Document page(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void anApprovedCommentShowsOnTheDiscussionsOwnPages() throws Exception {
        String discussion = RATCHET + "comments/";
        String heading = page(discussion).selectFirst("h1").text();
        page(discussion + "?page=1");
        String otherDiscussion = "/2026/10/27/in-praise-of-boring-diplomacy/comments/";
        page(otherDiscussion);
        long articleId = articles.findBySlug("the-sanctions-ratchet").orElseThrow().id();
        comments.addTrusted(articleId, null, "Page Tester", "pages@example.com", null, "Seen on the comment pages too.",
                CommentStatus.APPROVED, OffsetDateTime.now());

        Document after = page(discussion);
        assertThat(after.select(".comment").text()).contains("Seen on the comment pages too.");
        assertThat(after.selectFirst("h1").text()).isNotEqualTo(heading);
        assertThat(cache.get(key(otherDiscussion))).as("another article's discussion").isNotNull();
    }

    @Test
    void anArchivedArticlesDiscussionPagesGoWithIt() throws Exception {
        long id = create("archived-discussion", "An Article Soon Archived", List.of());
        Article article = articles.find(id).orElseThrow();
        String discussion = ArticleUrls.of(article.publishedAt(), article.slug(), settings.current().timeZone()) + "comments/";
        page(discussion);
        String otherDiscussion = RATCHET + "comments/";
        page(otherDiscussion);
        try {
            articles.changeStatus(id, article.version(), ArticleStatus.ARCHIVED, article.publishedAt(), null);
            assertThat(mvc.perform(get(discussion)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(cache.get(key(otherDiscussion))).as("another article's discussion").isNotNull();
        } finally {
            delete(id);
        }
    }

    @Test
    void laterPagesOfAListFollowAnArticleThatLeavesIt() throws Exception {
        long tag = taxonomy.createTag("cache-pages-" + suffix, "Cache Pages " + suffix);
        String list = "/tag/cache-pages-" + suffix + "/";
        List<Long> ids = new ArrayList<>();
        for (int n = 3; n >= 1; n--) {
            ids.add(create("list-member-" + n, "List Member " + n, List.of(tag)));
        }
        int perPage = settings.current().articlesPerPage();
        settings.put(SiteSettings.PER_PAGE, "1");
        try {
            List<String> before = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                before.add(page(list + (n == 1 ? "" : "?page=" + n)).select(".card-title a").text());
            }
            assertThat(before).containsExactly("List Member 1", "List Member 2", "List Member 3");
            Article first = articles.find(ids.get(2)).orElseThrow();
            ArticleService.Links links = articles.links(first.id());
            articles.update(first.id(), first.version(), new ArticleService.ArticleEdit(first.slug(), first.language(),
                    first.title(), first.standfirst(), first.bodyMd(), first.publishedAt(), null, "", "", "", "", null,
                    null, "", null, false, true, links.authorIds(), links.sectionIds(), List.of()));
            // The second article is now the first; the second page shows the one that was third.
            assertThat(page(list).select(".card-title a").text()).isEqualTo("List Member 2");
            assertThat(page(list + "?page=2").select(".card-title a").text()).isEqualTo("List Member 3");
        } finally {
            settings.put(SiteSettings.PER_PAGE, String.valueOf(perPage));
            ids.forEach(this::delete);
            jdbc.sql("DELETE FROM tag WHERE id = :id").param("id", tag).update();
            cache.clear();
        }
    }

    @Test
    void theChangeLogDropsPagesAgainForThisNodesOwnChanges() throws Exception {
        // What the sitemaps list is kept apart and brought up to date by the change log, after the commit: a
        // sitemap rendered in between is dropped again when the change log brings the change.
        page("/sitemap.xml");
        page("/sitemaps/articles-1.xml");
        page(RATCHET);
        long id = articles.findBySlug("the-sanctions-ratchet").orElseThrow().id();
        events.publishEvent(new ContentChanged(0, ContentChanged.ARTICLE, id, id, ContentChanged.UPDATED,
                changeLog.nodeId(), OffsetDateTime.now()));
        assertThat(cache.get(key("/sitemap.xml"))).isNull();
        assertThat(cache.get(key("/sitemaps/articles-1.xml"))).isNull();
        assertThat(cache.get(key(RATCHET))).isNull();
    }

    @Test
    void aNewTranslationIsLinkedFromTheArticlesItTranslates() throws Exception {
        Article ratchet = articles.findBySlug("the-sanctions-ratchet").orElseThrow();
        assertThat(ratchet.translationGroup()).isNotBlank();
        List<Long> ratchetSections = articles.links(ratchet.id()).sectionIds();
        Section elsewhere = taxonomy.sections().stream()
                .filter(s -> !ratchetSections.contains(s.id()) && s.trail().size() == 1
                        && taxonomy.withDescendants(s.id()).stream().noneMatch(ratchetSections::contains))
                .findFirst().orElseThrow();
        assertThat(page(RATCHET).select("link[rel=alternate][hreflang=fr]")).isEmpty();
        long id = articles.create(new ArticleService.NewArticle("cliquet-des-sanctions-" + System.nanoTime(), "fr",
                "Le cliquet des sanctions", "", "Texte.", ArticleStatus.PUBLISHED, OffsetDateTime.now().minusMinutes(1),
                null, null, "", "", "", "", null, null, "", ratchet.translationGroup(), false,
                List.of(), List.of(elsewhere.id()), List.of()));
        try {
            assertThat(page(RATCHET).select("link[rel=alternate][hreflang=fr]")).hasSize(1);
        } finally {
            PageCacheTest.deleteArticle(jdbc, events, id);
            cache.clear();
        }
    }

    /**
     * A published article, its change followed through the change log before the test goes on: arriving later,
     * it would drop pages the test has just cached and is about to look for.
     */
    private long create(String slug, String title, List<Long> tags) throws InterruptedException {
        long id = articles.create(new ArticleService.NewArticle(slug + "-" + suffix, "en", title, "", "Text.",
                ArticleStatus.PUBLISHED, OffsetDateTime.now().minusMinutes(tags.isEmpty() ? 1 : 20 - created++), null,
                null, "", "", "", "", null, null, "", null, false, List.of(), List.of(), tags));
        PageCacheTest.settle(changeLog);
        return id;
    }

    private void delete(long id) {
        PageCacheTest.deleteArticle(jdbc, events, id);
        cache.clear();
    }
}
