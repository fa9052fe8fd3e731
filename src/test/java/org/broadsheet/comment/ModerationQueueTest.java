package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import org.broadsheet.account.Role;
import org.broadsheet.spam.SpamFilter;
import org.broadsheet.testing.WithStaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class ModerationQueueTest {

    static final String ARTICLE = CommentPostingTest.ARTICLE;
    static final String EDITOR = "editor@meridian.example";

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
    SpamFilter spamFilter;

    long articleId;

    @BeforeEach
    void setUp() {
        articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        settings.save(Map.of("hold_first_comment", "true", "ip_per_hour", "0", "email_per_hour", "0"));
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = :e").param("e", EDITOR).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO app_user (email, display_name, role, created_at) VALUES (:e, 'Erin Editor', 'EDITOR', :at)")
                    .param("e", EDITOR).param("at", OffsetDateTime.now()).update();
        }
    }

    /** Posts as an anonymous reader and returns the new comment's id. */
    long postAsReader(String email, String text, String... extra) throws Exception {
        var request = post(ARTICLE + "comments").param("name", "Reader").param("email", email).param("text", text)
                .param("token", tokens.issue(articleId, Instant.now().minusSeconds(120)))
                .with(r -> {
                    // One address per reader, so that the burst signal does not join up the tests' comments.
                    r.setRemoteAddr("192.0.2." + (Math.abs(email.hashCode()) % 250));
                    return r;
                });
        for (int i = 0; i + 1 < extra.length; i += 2) {
            request.param(extra[i], extra[i + 1]);
        }
        mvc.perform(request);
        return jdbc.sql("SELECT id FROM comment WHERE body = :t").param("t", text).query(Long.class).single();
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM comment WHERE id = :id").param("id", id).query(String.class).single();
    }

    long modelVersion() {
        return jdbc.sql("SELECT version FROM spam_model WHERE id = 1").query(Long.class).single();
    }

    @Test
    void readersAndAuthorsCannotModerate() throws Exception {
        assertThat(mvc.perform(get("/newsroom/comments/")).andReturn().getResponse().getStatus()).isIn(302, 401);
    }

    @Test
    @WithStaffUser(email = "author@meridian.example", role = Role.AUTHOR)
    void authorsAreRefused() throws Exception {
        assertThat(mvc.perform(get("/newsroom/comments/")).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void aHeldCommentShowsItsScoreAndReasonsAndApprovingItPublishesItAndTeachesTheFilter() throws Exception {
        long id = postAsReader("held.reader@example.net", "I have a question about the renewal procedure.");
        assertThat(status(id)).isEqualTo("PENDING");

        Document queue = Jsoup.parse(mvc.perform(get("/newsroom/comments/")).andReturn().getResponse().getContentAsString());
        Element item = queue.getElementById("c" + id);
        assertThat(item).isNotNull();
        assertThat(item.select(".spam-score").text()).isNotBlank();
        assertThat(item.select(".spam-reasons li").eachText()).anyMatch(r -> r.contains("first comment"));
        assertThat(queue.select(".pending-count").text()).isNotBlank();
        // The newsroom's shared header (every section the role may use), with the discussion's own pages below it.
        assertThat(queue.select("header.newsroom-header nav a").eachAttr("href"))
                .contains("/newsroom/articles/", "/newsroom/comments/", "/newsroom/sections/");
        assertThat(queue.select("header.newsroom-header nav a[href=/newsroom/comments/] + .pending-count").text())
                .isEqualTo(String.valueOf(jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'PENDING'").query(Long.class).single()));
        assertThat(queue.select("nav.subnav a").eachAttr("href"))
                .containsExactly("/newsroom/comments/", "/newsroom/comments/settings", "/newsroom/comments/personal-data");

        long before = modelVersion();
        int status = mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(id)).param("action", "APPROVE")
                .param("status", "PENDING").with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(302);
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(modelVersion()).isGreaterThan(before);
        Document article = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        assertThat(article.getElementById("comment-" + id)).isNotNull();
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void bulkActionsMoveSeveralCommentsAndSpamLandsInTheSpamTabWithItsReasons() throws Exception {
        long a = postAsReader("a@example.net", "First of several comments.");
        long b = postAsReader("b@example.net", "Second of several comments.");
        long bot = postAsReader("bot@example.net", "Buy cheap followers now", "website", "filled-by-bot");
        assertThat(status(bot)).isEqualTo("SPAM");

        mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(a), String.valueOf(b))
                .param("action", "TRASH").with(csrf()));
        assertThat(status(a)).isEqualTo("TRASH");
        assertThat(status(b)).isEqualTo("TRASH");

        Document spamTab = Jsoup.parse(mvc.perform(get("/newsroom/comments/?status=SPAM")).andReturn().getResponse().getContentAsString());
        assertThat(spamTab.getElementById("c" + bot).select(".spam-reasons").text()).contains("honeypot");

        mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(a)).param("action", "DELETE").with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE id = :id").param("id", a).query(Long.class).single()).isZero();
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void aModeratorsSpamVerdictHoldsTheSameAddressesNextComment() throws Exception {
        settings.save(Map.of("hold_first_comment", "false"));
        long first = postAsReader("repeat@example.net", "A fair point about the tariff schedule.");
        assertThat(status(first)).isEqualTo("APPROVED");
        mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(first)).param("action", "SPAM").with(csrf()));
        assertThat(status(first)).isEqualTo("SPAM");

        long next = postAsReader("Repeat@Example.net", "Another thought on the tariff schedule.");
        assertThat(status(next)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT spam_reasons FROM comment WHERE id = :id").param("id", next).query(String.class).single())
                .contains("marked spam by a moderator");
        long someoneElse = postAsReader("other-reader@example.net", "A third thought on the tariff schedule.");
        assertThat(status(someoneElse)).isEqualTo("APPROVED");
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void aModelStoredByAnEarlierVersionIsRefittedFromTheStoredDecisionsAtStart() throws Exception {
        long id = postAsReader("refit@example.net", "A careful reading of the treaty text.");
        mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(id)).param("action", "APPROVE").with(csrf()));
        // The row as the previous version (format 2004: no per-article words) left it.
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(old))) {
            out.writeInt(2004);
            out.writeDouble(0.5);
        }
        jdbc.sql("UPDATE spam_model SET weights = :w WHERE id = 1").param("w", old.toByteArray()).update();
        assertThat(spamFilter.modelOutdated()).isTrue();
        long version = modelVersion();

        recheck.refitOutdatedModel();

        assertThat(spamFilter.modelOutdated()).isFalse();
        assertThat(modelVersion()).isGreaterThan(version);
        assertThat(jdbc.sql("SELECT examples FROM spam_model WHERE id = 1").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM comment WHERE trained_as IS NOT NULL").query(Long.class).single());
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void moderationFormsNeedTheSessionCsrfToken() throws Exception {
        long id = postAsReader("csrf@example.net", "Should stay pending.");
        int status = mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(id)).param("action", "APPROVE"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void staffPostAsThemselvesOnlyFromThisSiteSoAForeignFormCannotPostAsThem() throws Exception {
        String token = tokens.issue(articleId, Instant.now().minusSeconds(120));
        var foreign = mvc.perform(post(ARTICLE + "comments").param("text", "Forged from elsewhere.").param("token", token)
                .header("Origin", "http://evil.example")).andReturn();
        assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(foreign.getResponse().getContentAsString()).select(".form-problems").text()).contains("give your name");

        String location = mvc.perform(post(ARTICLE + "comments").param("text", "Posted by the desk.").param("token", token)
                .header("Origin", "http://localhost")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("#comment-");
        assertThat(jdbc.sql("SELECT author_name FROM comment WHERE body = 'Posted by the desk.'").query(String.class).single())
                .isEqualTo("Erin Editor");
    }

    /** Staff post under their account: the form asks them only for the text, since anything else would be dropped. */
    @Test
    @WithStaffUser(email = EDITOR)
    void theStaffFormAsksForNoNameEmailOrWebsite() throws Exception {
        for (String address : List.of(ARTICLE, ARTICLE + "comments/reply?to=" + postAsReader("asked@example.net",
                "A comment for the editor to answer.", "name", "Asked"))) {
            jdbc.sql("UPDATE comment SET status = 'APPROVED' WHERE body = 'A comment for the editor to answer.'").update();
            // A signed-in editor has a session: the page cache passes the request to the application.
            Element form = Jsoup.parse(mvc.perform(get(address).cookie(new jakarta.servlet.http.Cookie("JSESSIONID", "staff")))
                    .andReturn().getResponse().getContentAsString()).selectFirst("form.comment-form");
            assertThat(form.select(".posting-as").text()).as(address).startsWith("Posting as ").endsWith(" (staff).");
            assertThat(form.select("input[name=name], input[name=email], input[name=url], label[for=comment-email]"))
                    .as(address).isEmpty();
            assertThat(form.select("textarea[name=text]")).as(address).hasSize(1);
        }
    }

    @Test
    void readersAreAskedForTheirNameEmailAndWebsite() throws Exception {
        Element form = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString())
                .selectFirst("form.comment-form");
        assertThat(form.select(".posting-as")).isEmpty();
        assertThat(form.select("input[name=name][required], input[name=email][required], input[name=url]")).hasSize(3);
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void anEditorEditsACommentAndRepliesFromTheQueueAsThemselves() throws Exception {
        long id = postAsReader("typo@example.net", "Teh renewal vote is unanimous.");
        mvc.perform(post("/newsroom/comments/" + id + "/edit").param("name", "Reader").param("url", "")
                .param("text", "The renewal vote is unanimous.").with(csrf()));
        assertThat(jdbc.sql("SELECT body FROM comment WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("The renewal vote is unanimous.");

        int bad = mvc.perform(post("/newsroom/comments/" + id + "/edit").param("name", "Reader")
                .param("text", "").with(csrf())).andReturn().getResponse().getStatus();
        assertThat(bad).isEqualTo(400);

        mvc.perform(post("/newsroom/comments/" + id + "/reply").param("text", "Thanks, that is right.").with(csrf()));
        assertThat(status(id)).isEqualTo("APPROVED");
        Document article = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        Element reply = article.getElementById("comment-" + id).selectFirst(".comment-replies .comment");
        assertThat(reply.select(".comment-author").text()).isEqualTo("Erin Editor");
        assertThat(reply.select(".comment-body").text()).isEqualTo("Thanks, that is right.");
    }

    @Test
    @WithStaffUser(email = EDITOR)
    void hostileOrIncompleteInputInTheQueueIsRefusedWithAMessageAndChangesNothing() throws Exception {
        long id = postAsReader("hostile.queue@example.net", "The original text stays.");
        String xss = "<script>alert(1)</script>";
        record Case(String name, String url, String text, String message) {
        }
        for (Case c : List.of(new Case(xss, "", "Fine text.", "HTML tags"),
                new Case("Reader", "javascript:alert(1)", "Fine text.", "http://"),
                new Case("Reader", "http://x.example/\"><script>alert(1)</script>", "Fine text.", "http://"),
                new Case("R".repeat(201), "", "Fine text.", "200"),
                new Case("Reader", "", "x".repeat(10_001), "limit is 10000"),
                new Case("Reader", "", "", "comment"),
                new Case("Reader", "", "bad \uFFFD bytes", "UTF-8"))) {
            MvcResult r = mvc.perform(post("/newsroom/comments/" + id + "/edit").param("name", c.name()).param("url", c.url())
                    .param("text", c.text()).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).as(c.toString()).isEqualTo(400);
            Document page = Jsoup.parse(r.getResponse().getContentAsString());
            assertThat(page.select(".form-problems, .problem, [role=alert]").text()).as(c.toString()).contains(c.message());
            assertThat(page.select("script")).as("the payload is shown as text").noneMatch(e -> e.html().contains("alert(1)"));
        }
        // Missing fields altogether: a message, not a 500.
        assertThat(mvc.perform(post("/newsroom/comments/" + id + "/edit").with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT body FROM comment WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("The original text stays.");

        long replies = jdbc.sql("SELECT COUNT(*) FROM comment WHERE parent_id = :id").param("id", id).query(Long.class).single();
        for (String text : new String[] {"", "y".repeat(10_001), xss}) {
            MvcResult r = mvc.perform(post("/newsroom/comments/" + id + "/reply").param("text", text).with(csrf())).andReturn();
            assertThat(r.getResponse().getStatus()).as("reply " + text.length()).isEqualTo(400);
            // The moderator's reply comes back in its form, with what to change, under the comment it answers.
            Document page = Jsoup.parse(r.getResponse().getContentAsString());
            assertThat(page.select(".form-problems").text()).as("reply " + text.length()).containsAnyOf("write", "limit", "HTML");
            assertThat(page.selectFirst("form[action=/newsroom/comments/" + id + "/reply] textarea[name=text]").val()).isEqualTo(text);
            assertThat(page.select(".queue-body").text()).isEqualTo("The original text stays.");
            assertThat(page.select("script")).noneMatch(e -> e.html().contains("alert(1)"));
        }
        assertThat(mvc.perform(post("/newsroom/comments/" + id + "/reply").with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE parent_id = :id").param("id", id).query(Long.class).single()).isEqualTo(replies);
        assertThat(status(id)).isEqualTo("PENDING");

        MvcResult unknownAction = mvc.perform(post("/newsroom/comments/bulk").param("ids", String.valueOf(id))
                .param("action", "DROP TABLE comment").with(csrf())).andReturn();
        assertThat(unknownAction.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknownAction.getResponse().getContentAsString()).contains("Unknown moderation action");
        assertThat(mvc.perform(post("/newsroom/comments/bulk").param("ids", "1;DELETE").param("action", "DELETE").with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post("/newsroom/comments/bulk").with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("PENDING");

        assertThat(mvc.perform(get("/newsroom/comments/999999999/edit")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/newsroom/comments/?status=<script>")).andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(mvc.perform(post("/newsroom/comments/personal-data/erase").with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    /** Like every list (README): page 1 of a tab is there even when empty, a page after the last is a 404. */
    @Test
    @WithStaffUser(email = EDITOR)
    void aQueuePagePastTheEndIsNotFound() throws Exception {
        postAsReader("paging.queue@example.net", "Waiting for a moderator, for the paging test.");
        long pending = jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'PENDING'").query(Long.class).single();
        long last = Math.max(1, (pending + CommentQueue.PER_PAGE - 1) / CommentQueue.PER_PAGE);
        for (CommentStatus tab : CommentStatus.values()) {
            assertThat(mvc.perform(get("/newsroom/comments/?status=" + tab + "&page=1")).andReturn().getResponse().getStatus())
                    .as(tab.name()).isEqualTo(200);
        }
        MvcResult lastPage = mvc.perform(get("/newsroom/comments/?status=PENDING&page=" + last)).andReturn();
        assertThat(lastPage.getResponse().getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(lastPage.getResponse().getContentAsString()).select(".queue-item")).isNotEmpty();
        for (String page : List.of(String.valueOf(last + 1), "1000", "2147483647", "99999999999")) {
            MvcResult past = mvc.perform(get("/newsroom/comments/?status=PENDING&page=" + page)).andReturn();
            assertThat(past.getResponse().getStatus()).as("page " + page).isEqualTo(404);
            assertThat(Jsoup.parse(past.getResponse().getContentAsString()).text()).as("page " + page)
                    .doesNotContain("No comments here").doesNotContain("whole number");
        }
    }
}
