package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Sitemaps split every 5 URLs here, so that the demo journal's 14 articles need three article sitemaps. */
@SpringBootTest(properties = "broadsheet.sitemap.max-urls=5")
@AutoConfigureMockMvc
class SitemapTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.broadsheet.article.ArticleIndexSource articles;
    @Autowired
    org.broadsheet.article.ArticleService articleService;

    @Test
    void aNewArticleAppearsInTheSitemapsAfterItsChangeEvent() throws Exception {
        int before = articleUrls().size();
        articleService.create(new org.broadsheet.article.ArticleService.NewArticle("sitemap-newcomer", "en", "Newcomer",
                "", "Text", org.broadsheet.article.ArticleStatus.PUBLISHED, OffsetDateTime.now().minusMinutes(1), null,
                null, null, null, null, null, null, null, null, null, false, List.of(), List.of(), List.of()));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (articleUrls().size() == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(articleUrls()).hasSize(before + 1).anyMatch(u -> u.endsWith("/sitemap-newcomer/"));
    }

    private Set<String> articleUrls() throws Exception {
        Set<String> out = new HashSet<>();
        for (String sitemap : texts(xml("/sitemap.xml"), SitemapController.NS, "loc")) {
            String path = URI.create(sitemap).getPath();
            if (path.startsWith("/sitemaps/articles-")) {
                out.addAll(texts(xml(path), SitemapController.NS, "loc"));
            }
        }
        return out;
    }

    @Test
    void theIndexListsSplitSitemapsThatTogetherHoldEveryPublishedArticle() throws Exception {
        Document index = xml("/sitemap.xml");
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SitemapController.NS);
        List<String> sitemaps = texts(index, SitemapController.NS, "loc");
        assertThat(sitemaps).extracting(u -> URI.create(u).getPath())
                .contains("/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml", "/sitemaps/articles-3.xml",
                        "/sitemaps/sections-1.xml", "/sitemaps/sections-2.xml", "/sitemaps/tags-1.xml",
                        "/sitemaps/authors-1.xml", "/sitemaps/news.xml")
                .doesNotContain("/sitemaps/articles-4.xml");
        assertThat(texts(index, SitemapController.NS, "lastmod")).isNotEmpty().allSatisfy(OffsetDateTime::parse);

        Set<String> articleUrls = new HashSet<>();
        for (String sitemap : sitemaps) {
            String path = URI.create(sitemap).getPath();
            if (!path.startsWith("/sitemaps/articles-")) {
                continue;
            }
            Document urlset = xml(path);
            assertThat(urlset.getDocumentElement().getLocalName()).isEqualTo("urlset");
            List<String> locs = texts(urlset, SitemapController.NS, "loc");
            assertThat(locs).hasSizeLessThanOrEqualTo(5);
            assertThat(texts(urlset, SitemapController.NS, "lastmod")).hasSameSizeAs(locs).allSatisfy(OffsetDateTime::parse);
            articleUrls.addAll(locs);
        }
        assertThat(articleUrls).hasSize((int) articles.countPublished()).hasSizeGreaterThanOrEqualTo(14);
        for (String url : articleUrls) {
            assertThat(URI.create(url).isAbsolute()).isTrue();
            assertThat(mvc.perform(get(URI.create(url).getPath())).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
        }
    }

    @Test
    void sectionTagAndAuthorSitemapsPointToLivePages() throws Exception {
        List<String> pages = new ArrayList<>();
        for (String sitemap : texts(xml("/sitemap.xml"), SitemapController.NS, "loc")) {
            String path = URI.create(sitemap).getPath();
            if (path.matches("/sitemaps/(sections|tags|authors)-\\d+\\.xml")) {
                List<String> locs = texts(xml(path), SitemapController.NS, "loc");
                assertThat(locs).hasSizeLessThanOrEqualTo(5);
                pages.addAll(locs);
            }
        }
        assertThat(pages).extracting(u -> URI.create(u).getPath())
                .contains("/section/opinion/analysis/", "/tag/sanctions/", "/author/pavel-vetrov/");
        for (String url : pages) {
            assertThat(mvc.perform(get(URI.create(url).getPath())).andReturn().getResponse().getStatus()).as(url).isEqualTo(200);
        }
    }

    @Test
    void theNewsSitemapUsesTheGoogleNewsVocabulary() throws Exception {
        Document news = xml("/sitemaps/news.xml");
        assertThat(news.getDocumentElement().getLocalName()).isEqualTo("urlset");
        // Every news entry, if any, has the publication and date Google requires.
        int entries = news.getElementsByTagNameNS(SitemapController.NEWS, "news").getLength();
        assertThat(news.getElementsByTagNameNS(SitemapController.NEWS, "publication_date").getLength()).isEqualTo(entries);
        assertThat(news.getElementsByTagNameNS(SitemapController.NEWS, "name").getLength()).isEqualTo(entries);
    }

    @Test
    void unknownSitemapsAreNotFound() throws Exception {
        for (String path : List.of("/sitemaps/articles-9.xml", "/sitemaps/things-1.xml", "/sitemaps/articles-0.xml")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
        }
    }

    @Test
    void robotsTxtPointsToTheSitemaps() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/robots.txt")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/plain");
        List<String> lines = response.getContentAsString().lines().toList();
        assertThat(lines).contains("User-agent: *", "Disallow: /newsroom/");
        List<String> sitemaps = lines.stream().filter(l -> l.startsWith("Sitemap: ")).map(l -> l.substring(9)).toList();
        assertThat(sitemaps).extracting(u -> URI.create(u).getPath()).contains("/sitemap.xml", "/sitemaps/news.xml");
        for (String url : sitemaps) {
            assertThat(URI.create(url).isAbsolute()).isTrue();
            xml(URI.create(url).getPath());
        }
    }

    private Document xml(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getContentAsByteArray()));
    }

    private static List<String> texts(Document doc, String ns, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getTextContent().strip());
        }
        return out;
    }
}
