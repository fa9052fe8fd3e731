package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.broadsheet.testing.WithStaffUser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Akismet switched on, against a fake Akismet served by the JDK's HTTP server inside the test. */
@SpringBootTest(properties = "broadsheet.akismet.timeout=1s")
@AutoConfigureMockMvc
class AkismetIntegrationTest {

    static final String ARTICLE = CommentPostingTest.ARTICLE;
    static final HttpServer FAKE;
    static volatile String mode = "ham";
    static final List<String> calls = new CopyOnWriteArrayList<>();

    static {
        try {
            FAKE = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FAKE.createContext("/1.1/", AkismetIntegrationTest::answer);
        FAKE.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        FAKE.start();
    }

    @DynamicPropertySource
    static void akismet(DynamicPropertyRegistry registry) {
        registry.add("broadsheet.akismet.endpoint", () -> "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/1.1");
    }

    @AfterAll
    static void stop() {
        FAKE.stop(0);
    }

    static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(path + "?" + URLDecoder.decode(body, StandardCharsets.UTF_8));
        String reply;
        int status = 200;
        if (path.endsWith("/verify-key")) {
            reply = body.contains("key=good-key") ? "valid" : "invalid";
        } else if (path.endsWith("/comment-check")) {
            if ("slow".equals(mode)) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if ("error".equals(mode)) {
                status = 500;
            }
            reply = "spam".equals(mode) ? "true" : "false";
        } else {
            reply = "Thanks for making the web a better place.";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    FormTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    SpamRecheck recheck;
    @Autowired
    org.broadsheet.spam.Akismet akismet;

    long articleId;

    @BeforeEach
    void setUp() {
        articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        settings.save(Map.of("hold_first_comment", "false", "ip_per_hour", "0", "email_per_hour", "0"));
        akismet.saveKey("good-key", "http://localhost/");
        mode = "ham";
        calls.clear();
    }

    long postAsReader(String text) throws Exception {
        // A reader and an address per comment, so that the burst signals do not join up the tests' comments.
        int reader = Math.abs(text.hashCode()) % 250;
        mvc.perform(post(ARTICLE + "comments").param("name", "Reader").param("email", "reader" + reader + "@example.net")
                .param("text", text).param("token", tokens.issue(articleId, Instant.now().minusSeconds(120)))
                .header("User-Agent", "TestBrowser/1.0").with(r -> {
                    r.setRemoteAddr("192.0.2." + reader);
                    return r;
                }));
        return jdbc.sql("SELECT id FROM comment WHERE body = :t").param("t", text).query(Long.class).single();
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM comment WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void commentCheckSendsTheStandardFieldsAndItsVerdictCounts() throws Exception {
        long ham = postAsReader("A perfectly ordinary remark about sanctions.");
        assertThat(status(ham)).isEqualTo("APPROVED");
        String call = calls.stream().filter(c -> c.startsWith("/1.1/comment-check")).findFirst().orElseThrow();
        assertThat(call).contains("api_key=good-key", "comment_type=comment", "comment_author=Reader",
                "comment_author_email=reader", "user_agent=TestBrowser/1.0", "user_ip=",
                "permalink=http", "comment_content=A perfectly ordinary remark");

        mode = "spam";
        long spam = postAsReader("Another remark that Akismet dislikes.");
        assertThat(status(spam)).isIn("PENDING", "SPAM");
        assertThat(jdbc.sql("SELECT spam_reasons FROM comment WHERE id = :id").param("id", spam).query(String.class).single())
                .contains("Akismet: spam");
    }

    @Test
    void whenAkismetFailsOrTimesOutTheCommentIsHeldAndCheckedAgainLater() throws Exception {
        mode = "slow";
        long slow = postAsReader("Posted while Akismet was slow.");
        mode = "error";
        long broken = postAsReader("Posted while Akismet was broken.");
        assertThat(status(slow)).isEqualTo("PENDING");
        assertThat(status(broken)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE recheck = TRUE").query(Long.class).single()).isEqualTo(2);

        recheck.recheck();
        assertThat(status(broken)).isEqualTo("PENDING");

        mode = "ham";
        recheck.recheck();
        assertThat(status(slow)).isEqualTo("APPROVED");
        assertThat(status(broken)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE recheck = TRUE").query(Long.class).single()).isZero();
    }

    @Test
    void thePrivacyPageSaysAkismetIsUsedAsSoonAsItsKeyIsSavedEvenWhenItWasCached() throws Exception {
        akismet.saveKey("", "http://localhost/");
        assertThat(Jsoup.parse(mvc.perform(get("/privacy/")).andReturn().getResponse().getContentAsString())
                .getElementById("akismet-notice").text()).contains("No external spam service");
        akismet.saveKey("good-key", "http://localhost/");
        assertThat(Jsoup.parse(mvc.perform(get("/privacy/")).andReturn().getResponse().getContentAsString())
                .getElementById("akismet-notice").text()).contains("Akismet");
    }

    @Test
    void theRecheckKeepsWhatWasSeenAtPostingSoABotHeldDuringAnOutageIsNotApprovedAfterIt() throws Exception {
        mode = "error";
        // A bot: the hidden field filled in, the form sent within a second of being served.
        mvc.perform(post(ARTICLE + "comments").param("name", "Bot").param("email", "bot@example.net")
                .param("text", "Sent by a bot while Akismet was down.").param("website", "http://bot.example")
                .param("token", tokens.issue(articleId, Instant.now())).with(r -> {
                    r.setRemoteAddr("198.51.100.7");
                    return r;
                }));
        long bot = jdbc.sql("SELECT id FROM comment WHERE body = :t").param("t", "Sent by a bot while Akismet was down.")
                .query(Long.class).single();
        assertThat(status(bot)).isEqualTo("PENDING");

        mode = "ham";
        recheck.recheck();
        assertThat(status(bot)).isEqualTo("SPAM");
        String reasons = jdbc.sql("SELECT spam_reasons FROM comment WHERE id = :id").param("id", bot).query(String.class).single();
        assertThat(reasons).contains("honeypot", "Akismet: not spam").doesNotContain("check failed");
    }

    @Test
    @WithStaffUser(email = "editor@meridian.example")
    void moderatorDecisionsAreReportedAndTheKeyIsVerifiedWhenSaved() throws Exception {
        long id = postAsReader("A comment the moderator decides is spam after all.");
        mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(id)).param("action", "SPAM").with(csrf()));
        assertThat(calls).anyMatch(c -> c.startsWith("/1.1/submit-spam") && c.contains("moderator decides"));
        mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(id)).param("action", "APPROVE").with(csrf()));
        assertThat(calls).anyMatch(c -> c.startsWith("/1.1/submit-ham"));

        var refused = mvc.perform(post("/newsroom/comments/settings").params(validSettings()).param("akismet_key", "bad-key")
                .with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select(".form-problems").text()).contains("not valid");
        assertThat(akismet.key()).contains("good-key");

        var privacy = Jsoup.parse(mvc.perform(get("/privacy/")).andReturn().getResponse().getContentAsString());
        assertThat(privacy.getElementById("akismet-notice").text()).contains("Akismet");
    }

    static org.springframework.util.MultiValueMap<String, String> validSettings() {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        Map.of("close_after_days", "0", "max_links", "2", "max_depth", "5", "per_page", "50", "ip_per_hour", "0",
                "email_per_hour", "0", "retention_days", "60").forEach(form::add);
        return form;
    }
}
