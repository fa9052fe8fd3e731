package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.testing.ChangeLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class CommentPostingTest {

    static final String ARTICLE = "/2026/09/08/the-sanctions-ratchet/";

    @Autowired
    MockMvc mvc;
    @Autowired
    FormTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    CommentQueue queue;
    @Autowired
    ChangeLog changeLog;

    long articleId;

    @BeforeEach
    void setUp() throws InterruptedException {
        articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        settings.save(Map.of("hold_first_comment", "false", "ip_per_hour", "20", "email_per_hour", "10"));
        // The settings change comes back through the change log and empties the page cache: before the test
        // looks at what the cache serves, not in the middle of it.
        ChangeLogs.settle(changeLog);
    }

    /** A token as the cached page would carry it, served a minute ago (a person takes that long to write). */
    String token() {
        return tokens.issue(articleId, Instant.now().minusSeconds(60));
    }

    MockHttpServletRequestBuilder comment(String name, String email, String text) {
        return post(ARTICLE + "comments").param("name", name).param("email", email).param("text", text)
                .param("token", token()).with(r -> {
                    r.setRemoteAddr("192.0.2." + (Math.abs(email.hashCode()) % 200));
                    return r;
                });
    }

    long stored(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE body = :t").param("t", text).query(Long.class).single();
    }

    long total() {
        return jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
    }

    @Test
    void anApprovedCommentIsShownAtItsAnchorWithSafeLinks() throws Exception {
        String text = "A thoughtful point about renewal votes.\n\nSee https://example.org/renewals for the record.";
        MvcResult result = mvc.perform(comment("Ada Reader", "ada@example.net", text)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(ARTICLE + "#comment-");

        Document page = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        Element shown = page.getElementById(location.substring(location.indexOf('#') + 1));
        assertThat(shown).isNotNull();
        assertThat(shown.select(".comment-author").text()).isEqualTo("Ada Reader");
        assertThat(shown.select(".comment-body p")).hasSize(2);
        Element link = shown.selectFirst(".comment-body a");
        assertThat(link.attr("href")).isEqualTo("https://example.org/renewals");
        assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(shown.selectFirst("a.comment-reply").attr("href")).contains("comments/reply?to=");
    }

    @Test
    void aFirstCommentIsHeldAndTheReaderSeesTheirOwnText() throws Exception {
        settings.save(Map.of("hold_first_comment", "true"));
        String text = "First time commenting here, and I disagree.";
        MvcResult result = mvc.perform(comment("New Reader", "new@example.net", text)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).contains("/held?sig=");
        // From now on the page cache passes this reader by, so the pages they see are made for them.
        assertThat(result.getResponse().getCookie("bs_fresh")).isNotNull();
        assertThat(result.getResponse().getCookie("bs_fresh").getMaxAge()).isPositive();

        Document held = Jsoup.parse(mvc.perform(get(location)).andReturn().getResponse().getContentAsString());
        assertThat(held.select("h1").text()).contains("awaiting moderation");
        assertThat(held.select(".comment-own").text()).isEqualTo(text);
        Document article = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        assertThat(article.select(".comment-body").text()).doesNotContain(text);
        // Without the signature nobody else can read the held comment.
        String forged = location.substring(0, location.indexOf("?sig=")) + "?sig=forged";
        assertThat(mvc.perform(get(forged)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aDoubleSubmittedFormCreatesOneComment() throws Exception {
        String text = "Pressed the button twice by accident.";
        MockHttpServletRequestBuilder request = comment("Twice", "twice@example.net", text);
        String first = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        assertThat(stored(text)).isEqualTo(1);
    }

    @Test
    void aReplyIsThreadedUnderItsParentAndTheReplyPageWorksWithoutJavaScript() throws Exception {
        String parentLocation = mvc.perform(comment("Parent", "parent@example.net", "The parent comment."))
                .andReturn().getResponse().getRedirectedUrl();
        String parentId = parentLocation.substring(parentLocation.indexOf("#comment-") + 9);

        Document replyPage = Jsoup.parse(mvc.perform(get(ARTICLE + "comments/reply?to=" + parentId))
                .andReturn().getResponse().getContentAsString());
        Element form = replyPage.selectFirst("form.comment-form");
        assertThat(form.attr("action")).isEqualTo(ARTICLE + "comments");
        assertThat(form.selectFirst("input[name=parent]").val()).isEqualTo(parentId);
        assertThat(form.selectFirst("input[name=token]").val()).isNotBlank();

        String replyLocation = mvc.perform(comment("Child", "child@example.net", "A reply to the parent.")
                .param("parent", parentId)).andReturn().getResponse().getRedirectedUrl();
        String replyAnchor = replyLocation.substring(replyLocation.indexOf('#') + 1);
        Document article = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        Element reply = article.getElementById(replyAnchor);
        assertThat(reply.parent().hasClass("comment-replies")).isTrue();
        assertThat(reply.parent().parent().id()).isEqualTo("comment-" + parentId);
        assertThat(reply.hasClass("depth-1")).isTrue();
    }

    @Test
    void aReturningCommentersCommentWithMoreLinksThanAllowedIsHeld() throws Exception {
        mvc.perform(comment("Regular", "regular@example.net", "An earlier remark, approved."));
        String text = "Sources: https://a.example/1 https://b.example/2 https://c.example/3";
        String location = mvc.perform(comment("Regular", "regular@example.net", text)).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/held?sig=");
        assertThat(jdbc.sql("SELECT spam_reasons FROM comment WHERE body = :t").param("t", text).query(String.class).single())
                .contains("more than 2 links");
    }

    @Test
    void repliesNestNoDeeperThanTheSettingSays() throws Exception {
        settings.save(Map.of("max_depth", "2"));
        try {
            String parent = null;
            List<String> anchors = new java.util.ArrayList<>();
            for (int level = 0; level < 4; level++) {
                var request = comment("Level " + level, "level" + level + "@example.net", "A comment at level " + level + ".");
                String location = mvc.perform(parent == null ? request : request.param("parent", parent))
                        .andReturn().getResponse().getRedirectedUrl();
                anchors.add(location.substring(location.indexOf('#') + 1));
                parent = location.substring(location.indexOf("#comment-") + 9);
            }
            Document article = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
            List<Long> nesting = anchors.stream()
                    .map(a -> article.getElementById(a).parents().stream().filter(e -> e.is("li.comment")).count()).toList();
            assertThat(nesting).containsExactly(0L, 1L, 2L, 2L);
            // The reply too deep to nest follows the comment it answers, at the deepest level.
            Element third = article.getElementById(anchors.get(2));
            assertThat(third.nextElementSibling().id()).isEqualTo(anchors.get(3));
            assertThat(article.getElementById(anchors.get(3)).hasClass("depth-2")).isTrue();
        } finally {
            settings.save(Map.of("max_depth", "5"));
        }
    }

    @Test
    void aCommentTakenDownLeavesTheCachedFurtherPagesOfTheDiscussionToo() throws Exception {
        settings.save(Map.of("per_page", "1"));
        try {
            String location = mvc.perform(comment("Later", "later@example.net", "On the last page, then taken down."))
                    .andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
            int pages = jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = :a AND status = 'APPROVED' AND parent_id IS NULL")
                    .param("a", articleId).query(Integer.class).single();
            String lastPage = ARTICLE + "comments/?page=" + pages;
            // Read twice: the second answer comes from the page cache.
            for (int i = 0; i < 2; i++) {
                assertThat(Jsoup.parse(mvc.perform(get(lastPage)).andReturn().getResponse().getContentAsString())
                        .getElementById("comment-" + id)).isNotNull();
            }
            queue.moderate(List.of(id), ModerationAction.TRASH);
            MvcResult after = mvc.perform(get(lastPage)).andReturn();
            assertThat(Jsoup.parse(after.getResponse().getContentAsString()).getElementById("comment-" + id)).isNull();
        } finally {
            settings.save(Map.of("per_page", "50"));
        }
    }

    /** The redirect after posting, the held notice's and the queue's links go to the page that shows the comment. */
    @Test
    void aCommentOnALaterPageOfTheDiscussionIsLinkedOnThatPage() throws Exception {
        settings.save(Map.of("per_page", "1", "hold_first_comment", "false", "newest_first", "false"));
        try {
            // Oldest first: a new thread is on the last page.
            String location = mvc.perform(comment("Last Page", "last.page@example.net", "A new thread, on the last page."))
                    .andReturn().getResponse().getRedirectedUrl();
            long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
            assertThat(location).isEqualTo(ARTICLE + "comments/?page=" + topLevel() + "#comment-" + id);
            assertShownAt(location, id);
            assertThat(Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString())
                    .getElementById("comment-" + id)).isNull();

            // Newest first: a reply to the oldest thread is on the last page, not the first.
            settings.save(Map.of("newest_first", "true"));
            long oldest = jdbc.sql("""
                    SELECT id FROM comment WHERE article_id = :a AND status = 'APPROVED' AND parent_id IS NULL
                    ORDER BY created_at, id LIMIT 1""").param("a", articleId).query(Long.class).single();
            String reply = mvc.perform(comment("Late Reply", "late.reply@example.net", "Answering the oldest thread.")
                    .param("parent", String.valueOf(oldest))).andReturn().getResponse().getRedirectedUrl();
            long replyId = Long.parseLong(reply.substring(reply.indexOf("#comment-") + 9));
            assertThat(reply).isEqualTo(ARTICLE + "comments/?page=" + topLevel() + "#comment-" + replyId);
            assertShownAt(reply, replyId);
            // The queue's "in reply to" link leads to the comment answered, on its page.
            // The queue links the comment's lasting address, which sends the moderator to the page showing it.
            String parentUrl = queue.get(replyId).parentUrl();
            assertThat(parentUrl).isEqualTo(ARTICLE + "comments/" + oldest + "/");
            assertShownAt(mvc.perform(get(parentUrl)).andReturn().getResponse().getRedirectedUrl(), oldest);
            assertThat(mvc.perform(get(ARTICLE + "comments/999999999/")).andReturn().getResponse().getStatus()).isEqualTo(404);

            // A held comment, once approved, is sent to its page from the held notice.
            settings.save(Map.of("hold_first_comment", "true", "newest_first", "false"));
            String held = mvc.perform(comment("Held Later", "held.later@example.net", "Held, then approved."))
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(held).contains("/held?sig=");
            long heldId = jdbc.sql("SELECT id FROM comment WHERE body = 'Held, then approved.'").query(Long.class).single();
            queue.moderate(List.of(heldId), ModerationAction.APPROVE);
            String approved = mvc.perform(get(held)).andReturn().getResponse().getRedirectedUrl();
            assertThat(approved).isEqualTo(ARTICLE + "comments/?page=" + topLevel() + "#comment-" + heldId);
            assertShownAt(approved, heldId);
        } finally {
            settings.save(Map.of("per_page", "50", "newest_first", "false", "hold_first_comment", "false"));
        }
    }

    private long topLevel() {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = :a AND status = 'APPROVED' AND parent_id IS NULL")
                .param("a", articleId).query(Long.class).single();
    }

    private void assertShownAt(String link, long id) throws Exception {
        String page = link.substring(0, link.indexOf('#'));
        assertThat(link).endsWith("#comment-" + id);
        assertThat(Jsoup.parse(mvc.perform(get(page)).andReturn().getResponse().getContentAsString()).getElementById("comment-" + id))
                .as(link).isNotNull();
    }

    @Test
    void aFormKeptInTheCacheLongerThanATokenLivesIsSentAgainAndThePageIsRenderedAnew() throws Exception {
        String cached = formToken();
        assertThat(formToken()).as("served from the page cache").isEqualTo(cached);
        String old = tokens.issue(articleId, Instant.now().minus(FormTokens.MAX_AGE).minusSeconds(3600));
        MvcResult refused = mvc.perform(post(ARTICLE + "comments").param("name", "Slow").param("email", "slow@example.net")
                .param("text", "Written on a page served long ago.").param("token", old)).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select(".form-problems li").text()).contains("more than 7 days ago");
        assertThat(page.selectFirst("textarea[name=text]").val()).isEqualTo("Written on a page served long ago.");
        assertThat(formToken()).as("the page with the stale form was dropped").isNotEqualTo(cached);
    }

    String formToken() throws Exception {
        return Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString())
                .selectFirst("form.comment-form input[name=token]").val();
    }

    @Test
    void theHoneypotSendsACommentToSpamWithoutTellingTheBot() throws Exception {
        String text = "Great article, visit my shop.";
        String location = mvc.perform(comment("Bot", "bot@example.net", text).param("website", "http://spam.example"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).contains("/held?sig=");
        String status = jdbc.sql("SELECT status FROM comment WHERE body = :t").param("t", text).query(String.class).single();
        assertThat(status).isEqualTo("SPAM");
        String reasons = jdbc.sql("SELECT spam_reasons FROM comment WHERE body = :t").param("t", text).query(String.class).single();
        assertThat(reasons).contains("honeypot");
    }

    @Test
    void hostileOrIncompleteInputIsRefusedWithAMessageAndTheTextKept() throws Exception {
        String xss = "<script>alert(1)</script>";
        long before = total();
        assertRefused(comment(xss, "x@example.net", "Plain text kept."), "Plain text kept.", "HTML tags");
        assertRefused(comment("Name", xss, "Plain text kept."), "Plain text kept.", "not an email address");
        assertRefused(comment("Name", "x@example.net", "Plain text kept.").param("url", "javascript:alert(1)"),
                "Plain text kept.", "http://");
        assertRefused(comment("Name", "x@example.net", "Hello " + xss), "Hello " + xss, "plain text");
        assertRefused(comment("Name", "x@example.net", "x".repeat(10_001)), "x".repeat(10_001), "limit is 10000");
        assertRefused(comment("", "", "Only text."), "Only text.", "give your name");
        assertRefused(post(ARTICLE + "comments").param("name", "N").param("email", "n@example.net")
                .param("text", "No token here."), "No token here.", "expired");
        assertRefused(post(ARTICLE + "comments").param("name", "N").param("email", "n@example.net")
                .param("text", "Forged.").param("token", "1.2.3.abc"), "Forged.", "expired");
        assertRefused(comment("Name", "x@example.net", "Text").param("parent", "abc"), "Text", "replying to");
        // Very long input in every field, and a website that tries to break out of its attribute.
        assertRefused(comment("N".repeat(201), "x@example.net", "Long name."), "Long name.", "200");
        assertRefused(comment("Name", "x".repeat(320) + "@example.net", "Long email."), "Long email.", "not an email address");
        assertRefused(comment("Name", "x@example.net", "Long site.").param("url", "http://x.example/" + "a".repeat(2000)),
                "Long site.", "http://");
        assertRefused(comment("Name", "x@example.net", "Quoted site.").param("url", "http://x.example/\"><script>alert(1)</script>"),
                "Quoted site.", "http://");
        // No fields at all.
        MvcResult empty = mvc.perform(post(ARTICLE + "comments")).andReturn();
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(empty.getResponse().getContentAsString()).select(".form-problems li")).isNotEmpty();

        // Bytes that are not UTF-8 (0xC3 0x28) in the text.
        byte[] body = ("name=N&email=n%40example.net&token=" + java.net.URLEncoder.encode(token(), StandardCharsets.UTF_8)
                + "&text=bad%C3%28bytes").getBytes(StandardCharsets.US_ASCII);
        MvcResult invalid = mvc.perform(post(ARTICLE + "comments").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .characterEncoding("UTF-8").content(body)).andReturn();
        assertThat(invalid.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(invalid.getResponse().getContentAsString()).select(".form-problems").text()).contains("UTF-8");

        assertThat(total()).isEqualTo(before);
        // The escaped payload is shown as text in the re-shown form, never as markup.
        MvcResult shown = mvc.perform(comment(xss, "x@example.net", "Kept.")).andReturn();
        Document page = Jsoup.parse(shown.getResponse().getContentAsString());
        assertThat(page.select("script").stream().noneMatch(s -> s.html().contains("alert(1)"))).isTrue();
        assertThat(page.selectFirst("input[name=name]").val()).isEqualTo(xss);
    }

    private void assertRefused(MockHttpServletRequestBuilder request, String keptText, String message) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select(".form-problems li").text()).contains(message);
        assertThat(page.selectFirst("textarea[name=text]").val()).isEqualTo(keptText);
        assertThat(page.selectFirst("input[name=token]").val()).isNotBlank();
    }

    @Test
    void overTheRateLimitTheReaderGets429WithTheTextKept() throws Exception {
        settings.save(Map.of("email_per_hour", "2"));
        for (int i = 0; i < 2; i++) {
            mvc.perform(comment("Fast", "fast@example.net", "Comment number " + i + " from a fast typist."));
        }
        MvcResult limited = mvc.perform(comment("Fast", "fast@example.net", "One too many.")).andReturn();
        assertThat(limited.getResponse().getStatus()).isEqualTo(429);
        assertThat(limited.getResponse().getHeader("Retry-After")).isNotBlank();
        Document page = Jsoup.parse(limited.getResponse().getContentAsString());
        assertThat(page.select(".form-problems").text()).contains("try again in");
        assertThat(page.selectFirst("textarea[name=text]").val()).isEqualTo("One too many.");
        assertThat(stored("One too many.")).isZero();
    }

    @Test
    void theArticleFormCarriesASignedTokenAndAHoneypot() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        Element form = page.selectFirst("form.comment-form");
        String token = form.selectFirst("input[name=token]").val();
        assertThat(tokens.verify(token, articleId, Instant.now())).isPresent();
        assertThat(tokens.verify(token, articleId + 1, Instant.now())).isEmpty();
        assertThat(tokens.verify(token, articleId, Instant.now().plus(FormTokens.MAX_AGE).plusSeconds(120))).isEmpty();
        assertThat(form.selectFirst("input[name=website]").attr("tabindex")).isEqualTo("-1");
        assertThat(form.select("input[name=_csrf]")).isEmpty();
    }
}
