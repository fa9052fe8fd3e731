package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.cache.PageCacheTest.key;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;

import jakarta.servlet.http.Cookie;

import org.broadsheet.change.ChangeLog;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Which address a page is kept under: one per page whatever the spelling, never one an attacker can invent
 * endlessly or use to plant their host name in other readers' pages; and what is not kept says so.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageCacheAddressTest {

    static final String RATCHET = PageCacheTest.RATCHET;

    @Autowired
    MockMvc mvc;
    @Autowired
    PageCache cache;
    @Autowired
    ChangeLog changeLog;

    @BeforeEach
    void empty() throws InterruptedException {
        PageCacheTest.settle(changeLog);
        cache.clear();
    }

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    @Test
    void aForeignHostHeaderIsNotPlantedInOtherReadersPages() throws Exception {
        MockHttpServletResponse forged = fetch(get("/tag/arctic/").header("Host", "evil.example"));
        assertThat(Jsoup.parse(forged.getContentAsString()).selectFirst("link[rel=canonical]").attr("href"))
                .startsWith("http://evil.example/");
        for (String path : new String[] {"/tag/arctic/", "/sitemap.xml"}) {
            fetch(get(path).header("Host", "evil.example"));
            assertThat(fetch(get(path)).getContentAsString()).as(path).doesNotContain("evil.example");
        }
        assertThat(Jsoup.parse(fetch(get("/tag/arctic/")).getContentAsString()).selectFirst("link[rel=canonical]")
                .attr("href")).isEqualTo("http://localhost/tag/arctic/");
    }

    @Test
    void escapedSpellingsOfAnAddressAreAnsweredButNotKept() throws Exception {
        fetch(get(RATCHET));
        long pages = cache.size();
        for (String spelling : new String[] {"/2026/09/08/the-s%61nctions-ratchet/", "/2026/09/08/the-sa%6Ections-ratchet/",
                "/2026/09/08/%74he-sanctions-ratchet/"}) {
            MockHttpServletResponse response = fetch(get(URI.create(spelling)));
            assertThat(response.getStatus()).as(spelling).isEqualTo(200);
            assertThat(response.getHeader("Cache-Control")).as(spelling).isEqualTo("private, no-cache");
        }
        assertThat(cache.size()).isEqualTo(pages);
    }

    @Test
    void everySpellingOfAPageNumberSharesOnePage() throws Exception {
        MockHttpServletResponse first = fetch(get("/?page=2"));
        for (String query : new String[] {"page=02", "page=000002", "utm_source=news&page=2", "page=2&gclid=abc"}) {
            MockHttpServletResponse same = fetch(get("/?" + query));
            assertThat(same.getStatus()).as(query).isEqualTo(200);
            assertThat(same.getHeader("ETag")).as(query).isEqualTo(first.getHeader("ETag"));
        }
        assertThat(cache.get(key("/?page=2"))).isNotNull();
        assertThat(cache.get(key("/?page=02"))).isNull();
        assertThat(fetch(get("/?page=0")).getStatus()).isEqualTo(400);
        assertThat(fetch(get("/tag/arctic/?page=1")).getHeader("ETag")).isEqualTo(fetch(get("/tag/arctic/")).getHeader("ETag"));
    }

    @Test
    void aTrackedLinkIsRenderedAsThePageItself() throws Exception {
        // The first reader arrives from a newsletter: the page kept is the one every other reader gets.
        MockHttpServletResponse tracked = fetch(get("/tag/arctic/?page=1&utm_source=newsletter&utm_medium=email"));
        assertThat(tracked.getStatus()).isEqualTo(200);
        assertThat(tracked.getContentAsString()).doesNotContain("newsletter");
        assertThat(cache.get(key("/tag/arctic/"))).isNotNull();
        assertThat(fetch(get("/tag/arctic/")).getHeader("ETag")).isEqualTo(tracked.getHeader("ETag"));
    }

    @Test
    void queriesThatChangeThePageAreNotKept() {
        for (String query : new String[] {"q=x", "page=2&page=3", "page=abc", "page=1234567", "sort=newest", "page"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tag/arctic/");
            request.setQueryString(query);
            assertThat(PageCacheRequests.key(request, false)).as(query).isNull();
        }
    }

    @Test
    void theNewsroomAndPersonalPagesAreNotStoredByBrowsers() throws Exception {
        assertThat(fetch(get("/newsroom/sign-in")).getHeader("Cache-Control")).isEqualTo("private, no-store");
        assertThat(fetch(get(RATCHET).cookie(new Cookie("SESSION", "abc"))).getHeader("Cache-Control"))
                .isEqualTo("private, no-store");
        assertThat(fetch(get(RATCHET).cookie(new Cookie(PageCacheRequests.FRESH_COOKIE, "1"))).getHeader("Cache-Control"))
                .isEqualTo("private, no-store");
        assertThat(fetch(get("/search?q=arctic")).getHeader("Cache-Control")).isEqualTo("private, no-cache");
    }
}
