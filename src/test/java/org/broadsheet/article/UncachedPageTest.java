package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.broadsheet.author.AuthorService;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.testing.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With the page cache off every view is rendered anew, from settings, authors and sections kept in memory
 * until they change: a change shows on the very next view, and a reader's view opens no session.
 */
@SpringBootTest(properties = "broadsheet.page-cache.enabled=false")
@AutoConfigureMockMvc
class UncachedPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuthorService authors;
    @Autowired
    SiteSettings settings;

    @Test
    void renamedAuthorAndRetitledSiteShowOnTheNextView() throws Exception {
        Document before = Html.get(mvc, ArticlePageTest.SANCTIONS);
        String byline = before.selectFirst(".article-header .byline a[rel=author]").attr("href");
        long id = authors.bySlug(byline.replaceAll("^/author/|/$", "")).orElseThrow().id();
        AuthorService.NewAuthor old = authors.editable(id).orElseThrow();
        String title = settings.current().title();
        try {
            authors.update(id, new AuthorService.NewAuthor(old.slug(), "Renamed Writer", old.credentials(),
                    old.affiliation(), old.bioMarkdown(), old.photoMediaId(), old.email(), old.links()));
            settings.put(SiteSettings.TITLE, "Retitled Review");
            Document after = Html.get(mvc, ArticlePageTest.SANCTIONS);
            assertThat(after.select(".article-header .byline a[rel=author]").eachText()).contains("Renamed Writer");
            assertThat(after.select(".author-bios").text()).contains("Renamed Writer");
            assertThat(after.selectFirst(".masthead .site-title").text()).isEqualTo("Retitled Review");
            // The schema.org description is kept between views, and dropped with the change like the rest.
            String structured = after.selectFirst("script[type=application/ld+json]").data();
            assertThat(structured).contains("\"name\":\"Renamed Writer\"").contains("\"name\":\"Retitled Review\"");
        } finally {
            authors.update(id, old);
            settings.put(SiteSettings.TITLE, title);
        }
        Document restored = Html.get(mvc, ArticlePageTest.SANCTIONS);
        assertThat(restored.select(".article-header .byline a[rel=author]").eachText()).contains(old.name());
        assertThat(restored.selectFirst("script[type=application/ld+json]").data())
                .doesNotContain("Renamed Writer").doesNotContain("Retitled Review");
    }

    @Test
    void readersViewOpensNoSessionAndCarriesTheSecurityHeaders() throws Exception {
        MvcResult result = mvc.perform(get(ArticlePageTest.SANCTIONS)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(result.getResponse().getContentAsString()).contains("</html>");
    }

    @Test
    void newsroomStillAsksAnAnonymousReaderToSignIn() throws Exception {
        MvcResult result = mvc.perform(get("/newsroom/articles/")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).contains("/newsroom/sign-in");
    }
}
