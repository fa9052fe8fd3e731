package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A query string or form whose percent-escapes are broken or whose bytes are not UTF-8 gets a 400 page saying which
 * is wrong, never a 500 (a page that reads no parameters, such as an article, just ignores them). Only a real server shows this (Tomcat refuses to decode such parameters; MockMvc never
 * decodes), and only a raw connection can send such an address (Java's URI rejects it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.page-cache.enabled=false")
class UndecodableRequestTest {

    static final String ARTICLE = "/2026/09/08/the-sanctions-ratchet/";

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/?x=%zz", "/section/world/?page=%", "/newsroom/sign-in?x=%"})
    void brokenQueryStrings(String target) throws IOException {
        assertRefused(exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "every % must be followed by two hexadecimal digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/search?q=%ff%fe", "/?x=%c3%28"})
    void queryStringsThatAreNotUtf8(String target) throws IOException {
        assertRefused(exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "bytes that are not UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=Reader&email=%zz&text=Hello|every % must be followed by two hexadecimal digits",
            "name=Reader&email=a%40example.org&text=%ff%fe|bytes that are not UTF-8"})
    void brokenCommentForms(String bodyAndMessage) throws IOException {
        String body = bodyAndMessage.substring(0, bodyAndMessage.indexOf('|'));
        assertRefused(exchange("POST " + ARTICLE + "comments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body), bodyAndMessage.substring(bodyAndMessage.indexOf('|') + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/section//", "/author/%2e%2e/", "/tag/a%25b/", "/tag/a;b/"})
    void addressesTheFirewallRefusesGetAPageSayingWhy(String target) throws IOException {
        String response = exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");
        Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(page.select("main").text()).contains("The address contains something this site does not accept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "PROPFIND"})
    void unknownMethodsGetAPageNamingThem(String method) throws IOException {
        String response = exchange(method + " / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400");
        Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(page.select("main").text()).contains("This site does not accept " + method + " requests");
    }

    /** Methods no address takes are named, not answered with "the form has expired" by the CSRF check before them. */
    @ParameterizedTest
    @ValueSource(strings = {"DELETE /", "PUT " + ARTICLE, "PATCH /newsroom/articles/"})
    void methodsNoAddressTakesGetA405NamingThem(String request) throws IOException {
        String method = request.substring(0, request.indexOf(' '));
        String response = exchange(request + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 405").containsIgnoringCase("Allow: GET, HEAD, POST");
        Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(page.select("main").text()).contains("This address does not accept " + method + " requests")
                .doesNotContain("expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tag/%00/", "/tag/a%2Fb/", "/tag/a%5Cb/", "/2026/09/08/%FF/"})
    void addressesTomcatRefusesGetTheSitesPageNotTomcats(String target) throws IOException {
        assertRefusedByTomcat(exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @org.junit.jupiter.api.Test
    void oversizedHeadersGetTheSitesPageNotTomcats() throws IOException {
        assertRefusedByTomcat(exchange("GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n"));
    }

    private static void assertRefusedByTomcat(String response) {
        assertThat(response).startsWith("HTTP/1.1 400");
        Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(page.select("header.masthead .site-title").text()).isEqualTo("The Meridian Review");
        assertThat(page.select("main").text()).contains("The address or the request's headers could not be read");
    }

    private static void assertRefused(String response, String message) {
        assertThat(response).startsWith("HTTP/1.1 400");
        Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(page.select("main, body").text()).contains(message);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
