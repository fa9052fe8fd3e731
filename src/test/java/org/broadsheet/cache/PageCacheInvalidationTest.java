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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Changes a reader sees on the next request on pages the first invalidation rules missed: a discussion's own
 * pages, the later pages of a list an article leaves, and an article's translations.
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

    @BeforeEach
    void empty() {
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
        String discussion = RATCHET + "comments/";
        page(discussion);
        String otherDiscussion = "/2026/10/27/in-praise-of-boring-diplomacy/comments/";
        page(otherDiscussion);
        Article ratchet = articles.findBySlug("the-sanctions-ratchet").orElseThrow();
        Article archived = articles.changeStatus(ratchet.id(), ratchet.version(), ArticleStatus.ARCHIVED,
                ratchet.publishedAt(), null);
        try {
            assertThat(mvc.perform(get(discussion)).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(cache.get(key(otherDiscussion))).as("another article's discussion").isNotNull();
        } finally {
            articles.changeStatus(ratchet.id(), archived.version(), ArticleStatus.PUBLISHED, ratchet.publishedAt(), null);
        }
    }

    @Test
    void laterPagesOfAListFollowAnArticleThatLeavesIt() throws Exception {
        int perPage = settings.current().articlesPerPage();
        settings.put(SiteSettings.PER_PAGE, "1");
        try {
            List<String> before = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                before.add(page("/tag/sanctions/" + (n == 1 ? "" : "?page=" + n)).select(".card-title a").attr("href"));
            }
            Article first = articles.findBySlug(slugOf(before.get(0))).orElseThrow();
            ArticleService.Links links = articles.links(first.id());
            long sanctions = taxonomy.tagBySlug("sanctions").orElseThrow().id();
            List<Long> tags = links.tagIds().stream().filter(id -> id != sanctions).toList();
            try {
                update(first, links.authorIds(), links.sectionIds(), tags, first.translationGroup());
                // The second article is now the first; the second page shows the one that was third.
                assertThat(page("/tag/sanctions/").select(".card-title a").attr("href")).isEqualTo(before.get(1));
                assertThat(page("/tag/sanctions/?page=2").select(".card-title a").attr("href")).isEqualTo(before.get(2));
            } finally {
                update(articles.find(first.id()).orElseThrow(), links.authorIds(), links.sectionIds(), links.tagIds(),
                        first.translationGroup());
            }
        } finally {
            settings.put(SiteSettings.PER_PAGE, String.valueOf(perPage));
        }
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
            jdbc.sql("DELETE FROM article WHERE id = :id").param("id", id).update();
            cache.clear();
        }
    }

    private void update(Article a, List<Long> authors, List<Long> sections, List<Long> tags, String group) {
        articles.update(a.id(), a.version(), new ArticleService.ArticleEdit(a.slug(), a.language(), a.title(),
                a.standfirst(), a.bodyMd(), a.publishedAt(), a.leadMediaId(), a.leadCredit(), a.leadCaption(),
                a.leadAlt(), a.editorNoteMd(), a.partnerId(), a.originalUrl(), a.permissionNote(), group,
                a.featured(), a.commentsOpen(), authors, sections, tags));
    }

    private static String slugOf(String articleUrl) {
        String[] parts = articleUrl.split("/");
        return parts[parts.length - 1];
    }
}
