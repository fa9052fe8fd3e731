package org.broadsheet.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.catalina.Container;
import org.apache.catalina.startup.Tomcat;
import org.broadsheet.change.ChangeLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Hits answered inside Tomcat ({@link PageCacheValve}) are the responses the filter gives: same status, headers and
 * bytes for every copy, for 304s and HEAD; requests the cache must not answer still reach the application.
 * The filter's answers come through MockMvc (no Tomcat, so no valve), the valve's over a real connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PageCacheValveTest {

    static final String RATCHET = PageCacheTest.RATCHET;
    /** Set by Tomcat on every response, by the filter's response nowhere. */
    static final List<String> TOMCAT_ONLY = List.of("date", "connection", "keep-alive");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    PageCache cache;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    ServletWebServerApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void cached() throws Exception {
        PageCacheTest.settle(changeLog);
        cache.clear();
        assertThat(send("GET", RATCHET).statusCode()).isEqualTo(200);
        assertThat(cache.get(onServer(RATCHET))).as("stored by the filter on the miss").isNotNull();
    }

    @Test
    void hitsAreAnsweredInsideTomcat() {
        Tomcat tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        Container site = tomcat.getHost().findChildren()[0];
        assertThat(site.getPipeline().getValves()).hasAtLeastOneElementOfType(PageCacheValve.class);
        // site/ConnectorSettings: an article and its headers fit Tomcat's socket buffer, one write to the kernel.
        assertThat(Integer.parseInt(tomcat.getConnector().getProperty("socket.appWriteBufSize").toString()))
                .isGreaterThanOrEqualTo(32 * 1024);
    }

    /** The miss that stores a page answers with its headers once each, as the hits after it do. */
    @Test
    void theMissThatStoresAPageSendsEachHeaderOnce() throws Exception {
        cache.clear();
        for (HttpResponse<byte[]> response : List.of(send("GET", RATCHET), send("GET", RATCHET))) {
            for (String name : List.of("X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Cache-Control",
                    "ETag", "Vary", "Content-Type")) {
                assertThat(response.headers().allValues(name)).as(name).hasSize(1);
            }
        }
    }

    @Test
    void eachCopyIsTheResponseTheFilterGives() throws Exception {
        for (String accept : List.of("", "gzip", "gzip, deflate, br")) {
            HttpResponse<byte[]> hit = send("GET", RATCHET, "Accept-Encoding", accept);
            MockHttpServletResponse filtered = filter(get(onServer(RATCHET)).header("Accept-Encoding", accept));
            assertThat(hit.statusCode()).isEqualTo(200);
            assertThat(headers(hit)).as(accept).isEqualTo(headers(filtered));
            assertThat(hit.body()).isEqualTo(filtered.getContentAsByteArray());
            assertThat(hit.headers().firstValue("Date")).isPresent();
        }
    }

    @Test
    void revalidationGetsTheFiltersNotModified() throws Exception {
        // The page made after the next second starts, so that it carries a date (see PageCacheTest.nextSecond).
        cache.clear();
        PageCacheTest.nextSecond();
        String etag = send("GET", RATCHET).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> hit = send("GET", RATCHET, "If-None-Match", etag, "Accept-Encoding", "br");
        MockHttpServletResponse filtered = filter(get(onServer(RATCHET)).header("If-None-Match", etag).header("Accept-Encoding", "br"));
        assertThat(hit.statusCode()).isEqualTo(304).isEqualTo(filtered.getStatus());
        assertThat(hit.body()).isEmpty();
        assertThat(headers(hit)).isEqualTo(headers(filtered));
        String lastModified = hit.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(send("GET", RATCHET, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(send("GET", RATCHET, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void headGetsTheHeadersWithoutTheBody() throws Exception {
        HttpResponse<byte[]> hit = send("HEAD", RATCHET, "Accept-Encoding", "gzip");
        MockHttpServletResponse filtered = filter(head(onServer(RATCHET)).header("Accept-Encoding", "gzip"));
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.body()).isEmpty();
        assertThat(headers(hit)).isEqualTo(headers(filtered));
        assertThat(hit.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(cache.get(onServer(RATCHET)).gzip().length);
    }

    @Test
    void staffAndReadersAwaitingModerationReachTheApplication() throws Exception {
        for (String cookie : List.of("JSESSIONID=abc", "SESSION=abc", PageCacheRequests.FRESH_COOKIE + "=1")) {
            HttpResponse<byte[]> response = send("GET", RATCHET, "Cookie", cookie);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(cookie).hasValue("private, no-store");
            assertThat(response.headers().firstValue("ETag")).as(cookie).isEmpty();
        }
    }

    @Test
    void hitsGoOnBeingRightAfterTomcatReusedTheirHeaderSlots() throws Exception {
        // Tomcat recycles a connection's header slots for the next response and writes Content-Length digits into
        // a slot's old buffer: alternate hits with rendered pages on one connection and check every hit.
        String expected = headers(send("GET", RATCHET)).toString();
        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", RATCHET, "Cookie", "SESSION=abc").statusCode()).isEqualTo(200);
            assertThat(headers(send("GET", RATCHET)).toString()).isEqualTo(expected);
        }
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i + 1].isEmpty()) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The address on this server: pages are kept per host, and the filter's answers must be for the same one. */
    private String onServer(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private MockHttpServletResponse filter(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Map<String, List<String>> headers(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!TOMCAT_ONLY.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }

    private static Map<String, List<String>> headers(MockHttpServletResponse response) {
        Map<String, List<String>> headers = new TreeMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name.toLowerCase(), response.getHeaders(name));
        }
        return headers;
    }
}
