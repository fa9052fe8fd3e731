package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A comment form that Tomcat will not read at all (over the form-size limit, too many fields, bytes that are not
 * UTF-8, a multipart body without its boundary) gets the public site's page saying which, not a message about
 * %-escapes and not the newsroom's "Upload failed". Only a real server shows this: MockMvc never applies Tomcat's
 * limits. The limits are lowered here so that the test sends little.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "broadsheet.page-cache.enabled=false", "server.tomcat.max-http-form-post-size=10KB", "server.tomcat.max-parameter-count=50"})
class UnreadableCommentFormTest {

    static final String COMMENTS = "/2026/09/08/the-sanctions-ratchet/comments";

    @LocalServerPort
    int port;

    @Test
    void aFormOverTheSizeLimitIsToldTheLimit() throws Exception {
        HttpResponse<String> response = send("application/x-www-form-urlencoded",
                "name=Long&email=long%40example.net&text=" + "x".repeat(20 * 1024));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(main(response)).contains("larger than this site accepts (10 KB at most)").doesNotContain("%");
    }

    @Test
    void aFormWithTooManyFieldsIsToldTheLimit() throws Exception {
        StringBuilder body = new StringBuilder("name=Many&email=many%40example.net&text=Hello");
        for (int i = 0; i < 60; i++) {
            body.append("&f").append(i).append("=x");
        }
        HttpResponse<String> response = send("application/x-www-form-urlencoded", body.toString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(main(response)).contains("more fields than this site accepts (50 at most)").doesNotContain("%");
    }

    @Test
    void aFormThatIsNotUtf8IsToldSo() throws Exception {
        byte[] body = "name=X\u00ff&email=x%40example.com&text=hi\u00c3(there".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + COMMENTS))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(main(response)).contains("not UTF-8").doesNotContain("every %");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryGetsThePublicSitesPage() throws Exception {
        HttpResponse<String> response = send("multipart/form-data", "garbage");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("header.masthead .site-title").text()).isEqualTo("The Meridian Review");
        assertThat(page.select("main").text()).contains("could not be read").doesNotContain("Upload failed");
        assertThat(page.select("a[href^=/newsroom]")).isEmpty();
        assertThat(page.body().hasClass("newsroom")).isFalse();
    }

    private HttpResponse<String> send(String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + COMMENTS))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String main(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select("main").text();
    }
}
