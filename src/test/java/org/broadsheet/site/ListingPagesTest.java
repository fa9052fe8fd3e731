package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.testing.Html;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The pages around the articles: front page, sections, tags, authors, archives, privacy, errors. */
// A context of its own: other test classes publish articles and change settings in the shared one.
@SpringBootTest(properties = "spring.application.name=listing-pages-test")
@AutoConfigureMockMvc
class ListingPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void frontPageShowsFeaturedLatestAndABlockPerTopLevelSection() throws Exception {
        Document home = Html.get(mvc, "/");
        assertThat(home.selectFirst(".featured .featured-title a").attr("href")).endsWith("/two-straits-one-problem/");
        assertThat(home.select(".latest .card")).hasSize(10);
        assertThat(home.select(".section-block h2 a").eachAttr("href")).contains("/section/europe/", "/section/opinion/");
        assertThat(home.select(".sections-nav a").eachText()).contains("Europe", "Russia", "Asia", "Opinion");
        assertThat(home.selectFirst(".pagination a[rel=next]").attr("href")).isEqualTo("/?page=2");
    }

    @Test
    void frontPageSecondPageListsTheOlderArticles() throws Exception {
        Document second = Html.get(mvc, "/?page=2");
        assertThat(second.select(".latest .card")).hasSize(4);
        assertThat(second.select(".featured")).isEmpty();
        assertThat(second.selectFirst(".pagination a[rel=prev]").attr("href")).isEqualTo("/");
    }

    @Test
    void sectionPageIncludesArticlesOfNestedSectionsAndLinksThem() throws Exception {
        Document opinion = Html.get(mvc, "/section/opinion/");
        Document news = Html.get(mvc, "/section/opinion/news/");
        assertThat(opinion.select(".subsections a").eachAttr("href")).contains("/section/opinion/news/");
        assertThat(opinion.select(".card-title a").eachAttr("href")).containsAll(news.select(".card-title a").eachAttr("href"));
        assertThat(news.selectFirst(".kicker a").attr("href")).isEqualTo("/section/opinion/");
        assertThat(news.selectFirst("h1").text()).isEqualTo("News");
    }

    @Test
    void tagPageListsTaggedArticles() throws Exception {
        Document tag = Html.get(mvc, "/tag/sanctions/");
        assertThat(tag.selectFirst("h1").text()).isEqualTo("Sanctions");
        assertThat(tag.select(".card-title a").eachAttr("href")).contains("/2026/09/08/the-sanctions-ratchet/");
    }

    @Test
    void authorPageShowsTheBioThenTheirArticles() throws Exception {
        Document author = Html.get(mvc, "/author/kaede-morioka/");
        assertThat(author.selectFirst("h1").text()).isEqualTo("Kaede Morioka");
        assertThat(author.selectFirst(".author-profile .author-about").text()).isNotBlank();
        assertThat(author.selectFirst(".author-profile img.author-photo")).isNotNull();
        assertThat(author.select(".card")).isNotEmpty();
        assertThat(author.select(".card .byline a").eachAttr("href")).contains("/author/kaede-morioka/");
    }

    @Test
    void dateArchivesListTheMonthAndTheYear() throws Exception {
        Document month = Html.get(mvc, "/2026/09/");
        assertThat(month.select(".card time").eachAttr("datetime")).isNotEmpty().allMatch(d -> d.startsWith("2026-09"));
        Document year = Html.get(mvc, "/2026/?page=2");
        assertThat(year.select(".card")).isNotEmpty();
        // A year without articles is not a page (as on WordPress): 404, saying so.
        assertThat(Html.get(mvc, "/2019/", 404).select("main").text()).contains("Nothing was published in 2019");
    }

    @Test
    void privacyPageSaysWhatIsStoredAndWhy() throws Exception {
        Document privacy = Html.get(mvc, "/privacy/");
        assertThat(privacy.text()).contains("email").contains("IP address").contains("user agent").contains("60 days");
    }

    @Test
    void unknownAddressesGetTheHelpfulNotFoundPage() throws Exception {
        for (String path : new String[] {"/no-such-page", "/section/no-such/", "/tag/no-such/", "/author/nobody/", "/2026/13/",
                // date archives where nothing was published: not pages of their own
                "/1999/", "/0001/", "/0001/01/", "/2026/01/"}) {
            Document page = Html.get(mvc, path, 404);
            assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
            assertThat(page.selectFirst(".error-page a[href=/]")).isNotNull();
            assertThat(page.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");
        }
    }

    @Test
    void malformedOrExcessivePageNumbersGetAClearAnswer() throws Exception {
        for (String bad : new String[] {"abc", "-1", "0", "1.5", "%3Cscript%3E"}) {
            Document page = Html.get(mvc, "/section/europe/?page=" + bad, 400);
            assertThat(page.selectFirst(".error-message").text()).contains("page number");
        }
        Document beyond = Html.get(mvc, "/tag/sanctions/?page=50", 404);
        assertThat(beyond.selectFirst(".error-message").text()).contains("there is no page 50");
        // A whole number too large to count pages with is a page past the end as well, not a malformed one.
        Document far = Html.get(mvc, "/section/europe/?page=99999999999999999999", 404);
        assertThat(far.selectFirst(".error-message").text()).contains("no page 99999999999999999999");
    }

    @Test
    void stylesheetIsFingerprintedAndCachedForever() throws Exception {
        String href = Html.get(mvc, "/").selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(href).matches("/assets/site-[0-9a-f]{32}\\.css");
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(href))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).contains("immutable").contains("max-age=31536000");
    }
}
