package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.broadsheet.change.ChangeLog;
import org.broadsheet.testing.ChangeLogs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SearchPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SearchEngine engine;

    @Autowired
    ChangeLog changeLog;

    /**
     * The index built (with the changes made while it was built) and every change earlier tests made (articles
     * added, moved, withdrawn, deleted) applied to it.
     */
    @BeforeEach
    void indexReady() throws InterruptedException {
        SearchIndexReady.await(engine);
        ChangeLogs.settle(changeLog);
    }

    @Test
    void findsArticlesWithHighlightedPassagesAndLinks() throws Exception {
        Document page = page("/search?q=sanctions");
        assertThat(page.select("ol.search-hits > li")).isNotEmpty();
        assertThat(page.select(".snippet mark")).isNotEmpty();
        assertThat(page.select(".snippet mark").first().text().toLowerCase()).startsWith("sanction");
        for (Element link : page.select("ol.search-hits h2 a")) {
            assertThat(link.attr("href")).matches("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/");
            assertThat(mvc.perform(get(link.attr("href"))).andReturn().getResponse().getStatus()).as(link.attr("href"))
                    .isEqualTo(200);
        }
        assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void findsRussianAndJapaneseArticlesByOtherFormsOfTheirWords() throws Exception {
        assertThat(page("/search?q=санкции").select("li.search-hit[lang=ru]")).isNotEmpty();
        assertThat(page("/search?q=安全保障").select("li.search-hit[lang=ja]")).isNotEmpty();
    }

    @Test
    void facetLinksNarrowTheResultsAndShowCounts() throws Exception {
        Document page = page("/search?q=sanctions");
        Element sectionFacet = page.select(".search-facets .facet").stream()
                .filter(f -> f.selectFirst("h2").text().equals("Section")).findFirst().orElseThrow();
        Element opinion = sectionFacet.select("a").stream().filter(a -> a.text().equals("Opinion")).findFirst().orElseThrow();
        assertThat(opinion.parent().selectFirst(".count").text()).matches("\\(\\d+\\)");
        Document narrowed = page(opinion.attr("href"));
        int all = page.select("ol.search-hits > li").size();
        assertThat(narrowed.select("ol.search-hits > li").size()).isBetween(1, all);
        assertThat(narrowed.select(".active-filters li").text()).contains("Section: Opinion");
        Document removed = page(narrowed.selectFirst(".active-filters a").attr("href"));
        assertThat(removed.select("ol.search-hits > li")).hasSize(all);
    }

    @Test
    void sortsByDateOnRequest() throws Exception {
        Document page = page("/search?q=diplomacy&sort=date");
        var dates = page.select("ol.search-hits time").eachAttr("datetime");
        assertThat(dates).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));
    }

    @Test
    void typosStillFindArticlesAndSaySo() throws Exception {
        Document page = page("/search?q=diplomcy");
        assertThat(page.select("ol.search-hits > li")).isNotEmpty();
        assertThat(page.select(".search-notice").text()).contains("spelling");
    }

    @Test
    void theMastheadOffersSearchOnEveryPage() throws Exception {
        Document home = page("/");
        Element form = home.selectFirst("header.masthead form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.select("input[name=q]")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search", "/search?q=", "/search?q=%22", "/search?q=title%3A(%5B*%20TO%20%7D", "/search?q=AND",
            "/search?q=%5C", "/search?author=nobody", "/search?section=no/such", "/search?year=abc", "/search?lang=xx&tag=%3Cb%3E",
            "/search?q=sanctions&page=9999", "/search?q=sanctions&page=3", "/search?q=sanctions&sort=sideways",
            "/search?unknown=1&q=energy", "/search?q=%E2%80%9Cquoted%E2%80%9D%20%22open"})
    void oddInputGivesAHelpfulPage(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("main form[role=search] input[name=q]")).hasSize(1);
    }

    @Test
    void aTenKilobyteQueryIsCutWithANotice() throws Exception {
        String huge = "energy ".repeat(1500);
        MockHttpServletResponse response = mvc.perform(get("/search").param("q", huge)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".search-notice").text()).contains("only its first");
        assertThat(page.select("ol.search-hits > li")).isNotEmpty();
    }

    @Test
    void aPageNumberThatIsNotANumberIsABadRequest() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/search?q=energy&page=abc")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(response.getContentAsString()).select("main").text()).contains("page number");
    }

    @Test
    void pagesBeyondTheEndSaySo() throws Exception {
        Document page = page("/search?q=energy&page=50");
        assertThat(page.select(".search-notice").text()).contains("only");
    }

    @Test
    void articlePagesListRelatedArticlesFromTheIndex() throws Exception {
        Document results = Jsoup.parse(mvc.perform(get("/search").param("q", "\"sanctions ratchet\"")).andReturn()
                .getResponse().getContentAsString());
        assertThat(results.select("ol.search-hits > li")).hasSize(1);
        Document article = page(results.selectFirst("ol.search-hits h2 a").attr("href"));
        assertThat(article.select("section.related li.card")).isNotEmpty();
    }

    private Document page(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
