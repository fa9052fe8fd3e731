package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.broadsheet.testing.Html;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo articles' pages, checked element by element as a reader (and a search engine) sees them. */
@SpringBootTest
@AutoConfigureMockMvc
class ArticlePageTest {

    static final String SANCTIONS = "/2026/09/08/the-sanctions-ratchet/";
    static final String SANCTIONS_RU = "/2026/09/15/khrapovik-sanktsiy/";

    @Autowired
    MockMvc mvc;

    @Test
    void showsSectionsTagsAndDates() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Elements sectionLinks = page.select(".article-header .section-list a");
        assertThat(sectionLinks).isNotEmpty();
        assertThat(sectionLinks.eachAttr("href")).allMatch(href -> href.startsWith("/section/") && href.endsWith("/"));
        assertThat(page.select(".tag-list a[rel=tag]").eachAttr("href")).contains("/tag/sanctions/");
        Element published = page.selectFirst(".dateline time.published");
        assertThat(published.attr("datetime")).startsWith("2026-09-08");
        assertThat(page.selectFirst(".dateline .updated time").attr("datetime")).startsWith("2026-09-10");
    }

    @Test
    void showsNestedSectionsAsParentThenChild() throws Exception {
        Document page = Html.get(mvc, "/section/opinion/news/");
        String firstArticle = page.selectFirst(".cards .card-title a").attr("href");
        Document article = Html.get(mvc, firstArticle);
        Element nested = article.select(".article-header .section-list li").stream()
                .filter(li -> li.select("a").size() == 2).findFirst().orElseThrow();
        assertThat(nested.select("a").eachText()).containsExactly("Opinion", "News");
        assertThat(nested.select("a").eachAttr("href")).containsExactly("/section/opinion/", "/section/opinion/news/");
        assertThat(nested.text()).contains("Opinion › News");
    }

    @Test
    void showsResponsiveLeadImageWithCaptionAndCredit() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Element img = page.selectFirst("figure.lead-image img");
        assertThat(img.attr("srcset")).contains("480w").contains("960w").contains("1600w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.attr("alt")).isNotBlank();
        assertThat(img.attr("width")).isEqualTo("1600");
        assertThat(page.selectFirst("figure.lead-image figcaption .caption").text()).isNotBlank();
        assertThat(page.selectFirst("figure.lead-image figcaption .credit").text()).isNotBlank();
    }

    @Test
    void bylineLinksEveryAuthorToTheirPage() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        List<String> authors = page.select(".article-header .byline a[rel=author]").eachAttr("href");
        assertThat(authors).containsExactly("/author/pavel-vetrov/", "/author/clara-brennwald/");
        for (String href : authors) {
            Html.get(mvc, href);
        }
    }

    @Test
    void bodyHasHeadingsWithAnchorsAndFootnotesThatLinkBothWays() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Elements headings = page.select(".article-body h2[id]");
        assertThat(headings.size()).isGreaterThanOrEqualTo(2);
        Elements refs = page.select(".article-body sup.footnote-ref a");
        assertThat(refs).isNotEmpty();
        for (Element ref : refs) {
            String target = ref.attr("href").substring(1);
            Element note = page.getElementById(target);
            assertThat(note).as("note %s", target).isNotNull();
            assertThat(note.tagName()).isEqualTo("li");
            Element back = note.selectFirst("a.footnote-backref");
            assertThat(back.attr("href")).isEqualTo("#" + ref.id());
            assertThat(ref.attr("aria-label")).isEqualTo("Note " + ref.text());
            assertThat(back.attr("aria-label")).startsWith("Back to reference");
        }
        assertThat(page.selectFirst("section.footnotes h2").text()).isEqualTo("Notes");
    }

    @Test
    void bodyKeepsBlockQuotesTablesAndImages() throws Exception {
        assertThat(Html.get(mvc, "/2026/11/17/two-straits-one-problem/").select(".article-body img[src=/media/demo/figure-1.png]")).hasSize(1);
        Document withTable = Html.get(mvc, "/section/europe/");
        String energy = withTable.select(".card-title a").stream().map(a -> a.attr("href"))
                .filter(h -> h.contains("europe-energy-after-the-emergency")).findFirst().orElseThrow();
        assertThat(Html.get(mvc, energy).select(".article-body .table-scroll table th")).isNotEmpty();
        assertThat(Html.get(mvc, "/" + dateOf("the-gulf-learns-to-hedge") + "/the-gulf-learns-to-hedge/")
                .select(".article-body blockquote")).isNotEmpty();
    }

    @Test
    void showsEditorsNoteWhenPresent() throws Exception {
        assertThat(Html.get(mvc, SANCTIONS).selectFirst("aside.editor-note h2").text()).isEqualTo("Editor’s note");
        assertThat(Html.get(mvc, SANCTIONS_RU).select("aside.editor-note")).isEmpty();
    }

    @Test
    void authorBioBoxShowsPhotoCredentialsAffiliationAndLink() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Elements bios = page.select(".author-bios .author-bio");
        assertThat(bios).hasSize(2);
        Element first = bios.first();
        assertThat(first.selectFirst("img.author-photo").attr("src")).startsWith("/media/");
        assertThat(first.selectFirst(".author-name").text()).isEqualTo("Pavel Vetrov");
        assertThat(first.selectFirst(".author-credentials").text()).isNotBlank();
        assertThat(first.selectFirst(".author-affiliation").text()).isNotBlank();
        assertThat(first.selectFirst(".author-more a").attr("href")).isEqualTo("/author/pavel-vetrov/");
    }

    @Test
    void syndicatedArticleCreditsThePartnerAndPointsCanonicalToTheOriginal() throws Exception {
        Document page = Html.get(mvc, "/" + dateOf("beneath-the-baltic") + "/beneath-the-baltic/");
        Element notice = page.selectFirst("aside.syndication-notice");
        assertThat(notice.text()).contains("This article was originally published by")
                .contains("and is reproduced with their kind permission");
        String original = notice.selectFirst("a").attr("href");
        assertThat(original).startsWith("https://");
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(original);
        assertThat(jsonLd(page).path("isBasedOn").asString()).isEqualTo(original);
    }

    @Test
    void headCarriesMetadataStructuredDataAndTranslations() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.title()).startsWith("The Sanctions Ratchet");
        assertThat(page.selectFirst("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).endsWith(SANCTIONS);
        assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(page.selectFirst("meta[property=og:image]").attr("content")).startsWith("http");
        assertThat(page.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactlyInAnyOrder("en", "ru");
        assertThat(page.selectFirst(".translations a[hreflang=ru]").attr("href")).isEqualTo(SANCTIONS_RU);

        JsonNode ld = jsonLd(page);
        assertThat(ld.path("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asString()).isEqualTo(page.selectFirst("h1").text());
        assertThat(ld.path("inLanguage").asString()).isEqualTo("en");
        assertThat(ld.path("datePublished").asString()).startsWith("2026-09-08");
        assertThat(ld.path("author").get(0).path("@type").asString()).isEqualTo("Person");
        assertThat(ld.path("author").get(0).path("affiliation").path("name").asString()).isNotBlank();
        assertThat(ld.path("publisher").path("name").asString()).isEqualTo("The Meridian Review");
        assertThat(ld.path("image").get(0).asString()).startsWith("http");

        Document russian = Html.get(mvc, SANCTIONS_RU);
        assertThat(russian.selectFirst("html").attr("lang")).isEqualTo("ru");
        assertThat(jsonLd(russian).path("inLanguage").asString()).isEqualTo("ru");
    }

    @Test
    void japaneseArticleDeclaresItsLanguage() throws Exception {
        Document page = Html.get(mvc, "/" + dateOf("nihon-no-chokisen-tonan-ajia") + "/nihon-no-chokisen-tonan-ajia/");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ja");
        assertThat(page.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).contains("en", "ja");
    }

    @Test
    void discussionShowsApprovedCommentsThreadedWithTheCountInTheHeading() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Elements comments = page.select("#comments li.comment");
        assertThat(comments).isNotEmpty();
        assertThat(page.selectFirst("#comments-title").text()).isEqualTo(comments.size() + " comments");
        assertThat(page.select("#comments li.comment ol.comment-replies li.comment")).isNotEmpty();
        assertThat(page.select("#comments li.comment").eachAttr("id")).allMatch(id -> id.startsWith("comment-"));
        assertThat(page.select("#comments").text()).doesNotContain("@example.com").doesNotContain("@example.org");
    }

    @Test
    void articleWithoutCommentsInvitesTheFirst() throws Exception {
        Document page = Html.get(mvc, "/" + dateOf("beneath-the-baltic") + "/beneath-the-baltic/");
        assertThat(page.selectFirst("#comments-title").text()).isEqualTo("Comments");
        assertThat(page.selectFirst("#comments .empty-state").text()).isEqualTo("No comments yet — be the first.");
    }

    @Test
    void replyFormAsksForNameEmailWebsiteAndTextAndExplainsPrivacy() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Element form = page.selectFirst("form.comment-form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.selectFirst("input[name=name]").hasAttr("required")).isTrue();
        assertThat(form.selectFirst("input[name=email]").attr("type")).isEqualTo("email");
        assertThat(form.selectFirst("input[name=url]").attr("type")).isEqualTo("url");
        assertThat(form.selectFirst("textarea[name=text]")).isNotNull();
        for (Element input : form.select("input:not([type=hidden]), textarea")) {
            assertThat(form.selectFirst("label[for=" + input.id() + "]")).as("label for %s", input.attr("name")).isNotNull();
        }
        Element notice = form.selectFirst(".comment-privacy");
        assertThat(notice.text()).contains("never").contains("spam");
        assertThat(notice.selectFirst("a").attr("href")).isEqualTo("/privacy/");
    }

    @Test
    void relatedArticlesLinkOtherArticles() throws Exception {
        Document page = Html.get(mvc, SANCTIONS);
        Elements related = page.select(".related .card");
        assertThat(related).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(related.select(".card-title a").eachAttr("href")).doesNotContain(SANCTIONS)
                .allMatch(href -> href.matches("/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/"));
    }

    @Test
    void wrongDateRedirectsAndUnknownSlugIsNotFound() throws Exception {
        Html.get(mvc, "/2026/01/01/the-sanctions-ratchet/", 301);
        Document missing = Html.get(mvc, "/2026/09/08/no-such-article/", 404);
        assertThat(missing.selectFirst("h1").text()).isEqualTo("Page not found");
        Html.get(mvc, "/2026/02/30/the-sanctions-ratchet/", 404);
        Html.get(mvc, "/2026/09/08/the-sanctions-ratchet", 301);
    }

    private String dateOf(String slug) throws Exception {
        Document search = Html.get(mvc, "/2026/");
        int pages = search.select(".pagination").isEmpty() ? 1 : Integer.parseInt(search.selectFirst(".page-count").text().replaceAll(".* of ", ""));
        for (int n = 1; n <= pages; n++) {
            Document list = Html.get(mvc, "/2026/?page=" + n);
            for (String href : list.select(".card-title a").eachAttr("href")) {
                if (href.endsWith("/" + slug + "/")) {
                    return href.substring(1, 11);
                }
            }
        }
        throw new AssertionError("No demo article " + slug);
    }

    static JsonNode jsonLd(Document page) {
        return JsonMapper.builder().build().readTree(page.selectFirst("script[type=application/ld+json]").data());
    }
}
