package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.broadsheet.testing.Instances;
import org.broadsheet.testing.Postgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one database, as behind a load balancer without sticky sessions: an editor who signs in on
 * one node is signed in on the other, and signing out on either ends the session on both.
 */
class SessionsAcrossNodesTest {

    private static final String EMAIL = "desk@example.org";
    private static final String PASSWORD = "two nodes, one newsroom";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionStartedOnOneNodeIsKnownToTheOtherOnH2() throws Exception {
        String url = "jdbc:h2:mem:nodes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        signInOnOneNodeUseTheOther("--spring.datasource.url=" + url);
    }

    @Test
    void aSessionStartedOnOneNodeIsKnownToTheOtherOnPostgres() throws Exception {
        Postgres.require();
        signInOnOneNodeUseTheOther(Postgres.freshSchemaArguments());
    }

    private void signInOnOneNodeUseTheOther(String... database) throws Exception {
        String[] args = withAdministrator(database);
        try (ConfigurableApplicationContext first = Instances.start(args);
             ConfigurableApplicationContext second = Instances.start(args)) {
            String a = "http://127.0.0.1:" + Instances.port(first);
            String b = "http://127.0.0.1:" + Instances.port(second);

            String session = signIn(a);
            HttpResponse<String> onB = get(b + "/newsroom/articles/", session);
            assertThat(onB.statusCode()).as("the newsroom on the other node").isEqualTo(200);
            Document desk = Jsoup.parse(onB.body());
            assertThat(desk.select("form[action=/newsroom/sign-out]")).as("a sign-out button: signed in").isNotEmpty();

            String csrf = desk.select("form[action=/newsroom/sign-out] input[name=_csrf]").attr("value");
            HttpResponse<String> out = post(b + "/newsroom/sign-out", session, "_csrf=" + enc(csrf));
            assertThat(out.statusCode()).isEqualTo(302);

            HttpResponse<String> afterOnA = get(a + "/newsroom/articles/", session);
            assertThat(afterOnA.statusCode()).as("signed out everywhere").isEqualTo(302);
            assertThat(afterOnA.headers().firstValue("Location").orElse("")).endsWith("/newsroom/sign-in");
        }
    }

    /** Signs in through the form on {@code node}; returns the session cookie ("SESSION=…"). */
    private String signIn(String node) throws Exception {
        HttpResponse<String> form = get(node + "/newsroom/sign-in", null);
        String session = sessionCookie(form).orElseThrow(() -> new AssertionError("the sign-in form starts a session"));
        String csrf = Jsoup.parse(form.body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> signedIn = post(node + "/newsroom/sign-in", session,
                "email=" + enc(EMAIL) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf));
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/newsroom/");
        return sessionCookie(signedIn).orElseThrow(() -> new AssertionError("signing in issues a new session"));
    }

    private static String[] withAdministrator(String... database) {
        String[] args = new String[database.length + 2];
        System.arraycopy(database, 0, args, 0, database.length);
        args[database.length] = "--broadsheet.admin.email=" + EMAIL;
        args[database.length + 1] = "--broadsheet.admin.password=" + PASSWORD;
        return args;
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst();
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String cookie, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
