package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import org.broadsheet.site.SiteSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class FeedTest {

    static final List<String> PAGES = List.of("/", "/section/opinion/", "/section/opinion/analysis/", "/tag/sanctions/",
            "/author/pavel-vetrov/");

    @Autowired
    MockMvc mvc;
    @Autowired
    SiteSettings settings;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/section/opinion/", "/section/opinion/analysis/", "/tag/sanctions/", "/author/pavel-vetrov/"})
    void rssFeedsFollowTheRss2Rules(String page) throws Exception {
        MockHttpServletResponse response = fetch(page + "feed/");
        assertThat(response.getContentType()).startsWith("application/rss+xml");
        Channel channel = (Channel) parse(response);
        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isNotBlank();
        assertThat(channel.getDescription()).isNotBlank();
        assertAbsolute(channel.getLink());
        assertThat(channel.getItems()).isNotEmpty().hasSizeLessThanOrEqualTo(FeedController.ENTRIES);
        Set<String> guids = new HashSet<>();
        java.util.Date previous = null;
        for (Item item : channel.getItems()) {
            assertThat(item.getTitle()).isNotBlank();
            assertAbsolute(item.getLink());
            assertThat(item.getGuid().isPermaLink()).isFalse();
            assertThat(guids.add(item.getGuid().getValue())).as("unique guid").isTrue();
            assertThat(item.getPubDate()).isNotNull();
            if (previous != null) {
                assertThat(item.getPubDate()).isBeforeOrEqualTo(previous);
            }
            previous = item.getPubDate();
            assertThat(item.getContent()).as("full text by default").isNotNull();
            Document body = Jsoup.parse(item.getContent().getValue());
            body.select("a[href]").forEach(a -> assertAbsolute(a.attr("href")));
            body.select("img[src]").forEach(img -> assertAbsolute(img.attr("src")));
            if (item.getEnclosures() != null) {
                item.getEnclosures().forEach(e -> {
                    assertAbsolute(e.getUrl());
                    assertThat(e.getType()).startsWith("image/");
                    assertThat(e.getLength()).isGreaterThan(0);
                });
            }
        }
        assertThat(channel.getItems()).anyMatch(i -> !i.getEnclosures().isEmpty());
        assertThat(response.getContentAsString()).contains("media:content");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/section/opinion/", "/section/opinion/analysis/", "/tag/sanctions/", "/author/pavel-vetrov/"})
    void atomFeedsFollowRfc4287(String page) throws Exception {
        MockHttpServletResponse response = fetch(page + "feed/atom/");
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        com.rometools.rome.feed.atom.Feed feed = (com.rometools.rome.feed.atom.Feed) parse(response);
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertAbsolute(feed.getId());
        assertThat(feed.getTitle()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        Link self = feed.getOtherLinks().stream().filter(l -> "self".equals(l.getRel())).findFirst().orElseThrow();
        assertThat(self.getHref()).endsWith(page + "feed/atom/");
        assertAbsolute(self.getHref());
        assertThat(feed.getEntries()).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (Entry entry : feed.getEntries()) {
            assertThat(ids.add(entry.getId())).as("unique id").isTrue();
            assertAbsolute(entry.getId());
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getPublished()).isNotNull();
            assertThat(entry.getAuthors()).as("every entry has an author").isNotEmpty();
            Link alternate = entry.getAlternateLinks().get(0);
            assertAbsolute(alternate.getHref());
            assertThat(entry.getContents()).hasSize(1);
            assertThat(entry.getSummary()).isNotNull();
        }
        // RFC 3339 dates with an offset.
        assertThat(response.getContentAsString()).containsPattern("<updated>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})</updated>");
    }

    @Test
    void rssAndAtomNameEachArticleTheSameWay() throws Exception {
        Channel channel = (Channel) parse(fetch("/feed/"));
        com.rometools.rome.feed.atom.Feed atom = (com.rometools.rome.feed.atom.Feed) parse(fetch("/feed/atom/"));
        assertThat(channel.getItems().stream().map(i -> i.getGuid().getValue()).toList())
                .isEqualTo(atom.getEntries().stream().map(Entry::getId).toList());
    }

    @Test
    void feedsAnswerConditionalRequests() throws Exception {
        MockHttpServletResponse first = fetch("/feed/");
        String etag = first.getHeader(HttpHeaders.ETAG);
        String lastModified = first.getHeader(HttpHeaders.LAST_MODIFIED);
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        assertThat(mvc.perform(get("/feed/").header(HttpHeaders.IF_NONE_MATCH, etag)).andReturn().getResponse().getStatus())
                .isEqualTo(304);
        assertThat(mvc.perform(get("/feed/").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified)).andReturn().getResponse()
                .getStatus()).isEqualTo(304);
        assertThat(mvc.perform(get("/feed/").header(HttpHeaders.IF_NONE_MATCH, "\"other\"")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(fetch("/feed/atom/").getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
    }

    @Test
    void theExcerptSettingLeavesOutTheFullText() throws Exception {
        String fullEtag = fetch("/feed/").getHeader(HttpHeaders.ETAG);
        settings.put(SiteSettings.FEED_CONTENT, "excerpt");
        try {
            MockHttpServletResponse response = fetch("/feed/");
            assertThat(response.getHeader(HttpHeaders.ETAG)).isNotEqualTo(fullEtag);
            Channel channel = (Channel) parse(response);
            assertThat(channel.getItems()).allMatch(i -> i.getContent() == null && i.getDescription() != null);
            com.rometools.rome.feed.atom.Feed atom = (com.rometools.rome.feed.atom.Feed) parse(fetch("/feed/atom/"));
            assertThat(atom.getEntries()).allMatch(e -> e.getContents().isEmpty() && e.getSummary() != null);
        } finally {
            settings.put(SiteSettings.FEED_CONTENT, "full");
        }
    }

    @Test
    void listingPagesAdvertiseTheirFeeds() throws Exception {
        for (String page : PAGES) {
            Document html = Jsoup.parse(fetch(page).getContentAsString());
            Element rss = html.selectFirst("head link[rel=alternate][type=application/rss+xml]");
            Element atom = html.selectFirst("head link[rel=alternate][type=application/atom+xml]");
            assertThat(rss).as(page).isNotNull();
            assertThat(atom).as(page).isNotNull();
            assertThat(URI.create(rss.attr("href")).getPath()).isEqualTo(page + "feed/");
            assertThat(URI.create(atom.attr("href")).getPath()).isEqualTo(page + "feed/atom/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tag/no-such-tag/feed/", "/author/nobody/feed/atom/", "/section/nowhere/feed/"})
    void feedsOfUnknownListsAreNotFound(String url) throws Exception {
        assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private MockHttpServletResponse fetch(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }

    private static WireFeed parse(MockHttpServletResponse response) throws Exception {
        WireFeedInput input = new WireFeedInput(true, java.util.Locale.ROOT);
        return input.build(new StringReader(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static void assertAbsolute(String url) {
        assertThat(URI.create(url).isAbsolute()).as(url + " is absolute").isTrue();
        assertThat(url).startsWith("http");
    }
}
