package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.media.TestImages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads as Tomcat parses them (MockMvc never does): a file whose name is long in a script that takes several
 * bytes a letter is uploaded, not refused as a form that "could not be read".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "broadsheet.page-cache.enabled=false")
class MediaUploadOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aLongCyrillicFileNameIsUploaded() throws Exception {
        String email = "uploader" + System.nanoTime() + "@example.org";
        accounts.create(email, "Uploader", "a long enough password", Role.AUTHOR);
        String signIn = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=a+long+enough+password&_csrf=" + csrf("/newsroom/sign-in");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/newsroom/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(signIn)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/newsroom/"));

        // About 700 bytes of UTF-8: more than Tomcat's default limit of 512 bytes for a part's headers.
        String name = "Фотография с набережной ".repeat(14) + ".jpg";
        String boundary = "b" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf("/newsroom/media/")
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(TestImages.jpeg(300, 200));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(uri("/newsroom/media/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        assertThat(uploaded.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("notice=Uploaded"));
    }

    private String csrf(String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        return Jsoup.parse(page.body()).select("input[name=_csrf]").val();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
