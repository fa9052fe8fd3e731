package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An upload over the server's limit gets a 413 page that states the limit. Tomcat refuses such a form while the
 * first filter asks for a parameter (the CSRF check), which only a real server shows; the page said the address or
 * form had a broken % escape.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.servlet.multipart.max-file-size=100KB", "spring.servlet.multipart.max-request-size=1MB"})
class UploadTooLargeTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/newsroom/import/", "/newsroom/media"})
    void anUploadOverTheLimitIsToldTheLimit(String address) throws Exception {
        String boundary = "----broadsheet-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"journal.xml\"\r\n"
                + "Content-Type: text/xml\r\n\r\n" + "x".repeat(150 * 1024) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + address))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        String text = Jsoup.parse(response.body()).select("main").text();
        assertThat(text).contains("larger than this site accepts").contains("up to 100 KB").doesNotContain("%");
    }
}
