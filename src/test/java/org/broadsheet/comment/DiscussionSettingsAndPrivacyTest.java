package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.testing.WithStaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@AutoConfigureMockMvc
@WithStaffUser(email = "editor@meridian.example")
class DiscussionSettingsAndPrivacyTest {

    static final String ARTICLE = CommentPostingTest.ARTICLE;

    @Autowired
    MockMvc mvc;
    @Autowired
    FormTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    CommentPrivacy privacy;
    @Autowired
    ArticleService articles;

    long articleId;

    @BeforeEach
    void setUp() {
        articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        settings.save(Map.of("hold_first_comment", "false", "ip_per_hour", "0", "email_per_hour", "0",
                "disallowed_words", "", "close_after_days", "0", "retention_days", "60"));
    }

    int postAsReader(String email, String text) throws Exception {
        return postAsReader(ARTICLE, articleId, email, text);
    }

    int postAsReader(String articlePath, long article, String email, String text) throws Exception {
        return mvc.perform(post(articlePath + "comments").param("name", "Reader").param("email", email).param("text", text)
                .param("token", tokens.issue(article, Instant.now().minusSeconds(120)))).andReturn().getResponse().getStatus();
    }

    @Test
    void editorsSaveSettingsAndTheyTakeEffect() throws Exception {
        var form = AkismetIntegrationTest.validSettings();
        form.set("retention_days", "30");
        form.add("disallowed_words", "casino\nfree money");
        form.add("hold_first_comment", "on");
        form.add("notify_authors", "on");
        MvcResult saved = mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/newsroom/comments/settings?saved");
        assertThat(settings.current().retentionDays()).isEqualTo(30);
        assertThat(settings.current().disallowedWords()).containsExactly("casino", "free money");
        assertThat(settings.current().holdFirstComment()).isTrue();

        postAsReader("gambler@example.net", "Try the CASINO down the road.");
        assertThat(jdbc.sql("SELECT status FROM comment WHERE author_email = 'gambler@example.net'").query(String.class).single())
                .isEqualTo("SPAM");

        Document page = Jsoup.parse(mvc.perform(get("/newsroom/comments/settings")).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("retention_days").val()).isEqualTo("30");
        assertThat(settings.current().notifyAuthors()).isTrue();
        assertThat(page.getElementById("notify_authors").hasAttr("checked")).isTrue();
        assertThat(page.select("header.newsroom-header .pending-count, header.newsroom-header nav a[href=/newsroom/comments/]")).isNotEmpty();
        Document privacyPage = Jsoup.parse(mvc.perform(get("/privacy/")).andReturn().getResponse().getContentAsString());
        assertThat(privacyPage.getElementById("retention-days").text()).isEqualTo("30");
        assertThat(privacyPage.getElementById("akismet-notice").text()).contains("No external spam service");
    }

    /**
     * The form is filled from the stored settings and sent back whole: a setting it failed to show would be saved
     * back as empty, i.e. reset to its default, whenever an editor saved anything else.
     */
    @Test
    void theFormShowsEverySettingAsStoredAndSavingItUnchangedKeepsThem() throws Exception {
        Map<String, String> stored = Map.ofEntries(Map.entry("open_by_default", "false"), Map.entry("close_after_days", "14"),
                Map.entry("hold_first_comment", "false"), Map.entry("hold_all", "true"), Map.entry("max_links", "3"),
                Map.entry("max_depth", "4"), Map.entry("per_page", "25"), Map.entry("newest_first", "true"),
                Map.entry("ip_per_hour", "7"), Map.entry("email_per_hour", "6"), Map.entry("retention_days", "45"),
                Map.entry("disallowed_words", "casino\nfree money"), Map.entry("disallowed_ips", "203.0.113.0/24\n2001:db8:"),
                Map.entry("disallowed_emails", "@spam.example"), Map.entry("moderator_emails", "moderator@meridian.example"),
                Map.entry("notify_authors", "true"));
        assertThat(stored.keySet()).isEqualTo(DiscussionSettings.Settings.DEFAULTS.keySet());
        try {
            settings.save(stored);
            DiscussionSettings.Settings before = settings.current();
            Document page = Jsoup.parse(mvc.perform(get("/newsroom/comments/settings")).andReturn().getResponse().getContentAsString());
            var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
            for (String name : stored.keySet()) {
                org.jsoup.nodes.Element field = page.selectFirst("[name=" + name + "]");
                assertThat(field).as(name).isNotNull();
                boolean checkbox = field.attr("type").equals("checkbox");
                String shown = checkbox ? String.valueOf(field.hasAttr("checked")) : field.is("textarea") ? field.wholeText() : field.val();
                assertThat(shown).as(name).isEqualTo(stored.get(name));
                if (!checkbox) {
                    form.add(name, shown);
                } else if (field.hasAttr("checked")) {
                    form.add(name, "on");
                }
            }
            assertThat(mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn().getResponse()
                    .getRedirectedUrl()).isEqualTo("/newsroom/comments/settings?saved");
            assertThat(settings.current()).isEqualTo(before);
        } finally {
            settings.save(DiscussionSettings.Settings.DEFAULTS);
        }
    }

    @Test
    void invalidSettingsAreRefusedWithAMessage() throws Exception {
        var form = AkismetIntegrationTest.validSettings();
        form.set("max_depth", "eleven");
        MvcResult refused = mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select(".form-problems").text()).contains("Max depth");
        assertThat(settings.current().maxDepth()).isEqualTo(5);
    }

    /** Moderator mail goes out later from a background job: an address it could not parse is refused when typed. */
    @Test
    void moderatorEmailsThatAreNotAddressesAreRefusedAndNothingIsSaved() throws Exception {
        settings.save(Map.of("moderator_emails", "desk@meridian.example", "retention_days", "60"));
        for (String bad : List.of("not an email", "<script>alert(1)</script>", "Desk <desk@meridian.example>",
                "a@example.org, b@example.org", "nobody@localhost")) {
            var form = AkismetIntegrationTest.validSettings();
            form.set("retention_days", "45");
            form.add("moderator_emails", "mod@example.org\r\n" + bad + "\r\n");
            MvcResult refused = mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn();
            assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(400);
            Document page = Jsoup.parse(refused.getResponse().getContentAsString());
            assertThat(page.select(".form-problems").text()).as(bad).contains("\u201c" + bad + "\u201d is not an email address")
                    .doesNotContain("mod@example.org");
            assertThat(page.select("script")).noneMatch(e -> e.html().contains("alert(1)"));
            assertThat(settings.current().moderatorEmails()).as(bad).containsExactly("desk@meridian.example");
            assertThat(settings.current().retentionDays()).as(bad).isEqualTo(60);
        }
        var form = AkismetIntegrationTest.validSettings();
        form.add("moderator_emails", " mod@example.org \n\nsecond.mod+comments@example.co.uk\n");
        assertThat(mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(settings.current().moderatorEmails()).containsExactly("mod@example.org", "second.mod+comments@example.co.uk");
        settings.save(Map.of("moderator_emails", ""));
    }

    /**
     * A disallowed-list entry that names no address would match no comment without a word: it is refused where it
     * is typed, by its line, and the form comes back as it was sent, with nothing saved.
     */
    @Test
    void disallowedEntriesThatNameNoAddressAreRefusedByLineWithTheFormAsSent() throws Exception {
        settings.save(Map.of("disallowed_ips", "198.51.100.9", "disallowed_emails", "@stored.example", "retention_days", "60",
                "hold_all", "false"));
        Map<String, String> badIps = Map.of("example.org", "a host name", "203.0.113.0/33", "more bits than IPv4 has",
                "2001:db8::", "a prefix needs no second colon", "203.0.113", "a prefix ends in a dot",
                "010.0.0.", "no address is written with a leading zero", "198.51.100.1.5", "five numbers");
        for (Map.Entry<String, String> entry : badIps.entrySet()) {
            String bad = entry.getKey();
            String why = entry.getValue();
            Document page = refused("disallowed_ips", "198.51.100.20\r\n" + bad + "\r\n2001:db8::/32", "disallowed_emails", "@kept.example");
            assertThat(page.select(".form-problems li").eachText()).as(why)
                    .containsExactly("Disallowed IP addresses, line 2: \u201c" + bad + "\u201d is not an IP address, a range or the start"
                            + " of an address. Give one a line: an address (203.0.113.7, 2001:db8::5), a range (203.0.113.0/24,"
                            + " 2001:db8::/32) or the start of one, ending in \u201c.\u201d or \u201c:\u201d (203.0.113., 2001:db8:).");
            assertThat(page.getElementById("disallowed_ips").val()).as(why).isEqualTo("198.51.100.20\n" + bad + "\n2001:db8::/32");
            assertThat(page.getElementById("disallowed_emails").val()).as(why).isEqualTo("@kept.example");
        }
        for (String bad : List.of("stored.example", "spammer", "@localhost", "two@at@example.org", "Spam <spam@example.org>", "@")) {
            Document page = refused("disallowed_emails", "spam@example.org\n\n" + bad, "disallowed_ips", "198.51.100.20");
            assertThat(page.select(".form-problems li").eachText()).as(bad).containsExactly("Disallowed email addresses, line 3: \u201c"
                    + bad + "\u201d is neither an email address nor \u201c@\u201d and a domain. Give one a line, such as"
                    + " spammer@example.com, or @example.com for a whole domain.");
            assertThat(page.getElementById("disallowed_emails").val()).as(bad).isEqualTo("spam@example.org\n\n" + bad);
        }
        assertThat(settings.current().disallowedIps()).containsExactly("198.51.100.9");
        assertThat(settings.current().disallowedEmails()).containsExactly("@stored.example");
        assertThat(settings.current().retentionDays()).isEqualTo(60);
        assertThat(settings.current().holdAll()).isFalse();

        var form = AkismetIntegrationTest.validSettings();
        form.add("disallowed_ips", " 203.0.113.7 \r\n2001:DB8::5\r\n\r\n203.0.113.0/24\r\n2001:db8::/32\r\n203.0.113.\r\n2001:db8:\r\n[::1]");
        form.add("disallowed_emails", "Spammer@Example.com\n@spam.example");
        assertThat(mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/newsroom/comments/settings?saved");
        assertThat(settings.current().disallowedIps())
                .containsExactly("203.0.113.7", "2001:DB8::5", "203.0.113.0/24", "2001:db8::/32", "203.0.113.", "2001:db8:", "[::1]");
        assertThat(settings.current().disallowedEmails()).containsExactly("Spammer@Example.com", "@spam.example");
        settings.save(Map.of("disallowed_ips", "", "disallowed_emails", ""));
    }

    /**
     * Sends the settings form with a changed retention period, "hold every comment" ticked and the given lists;
     * expects the 400 page, with the rest of the form as sent.
     */
    private Document refused(String list, String text, String otherList, String otherText) throws Exception {
        var form = AkismetIntegrationTest.validSettings();
        form.set("retention_days", "45");
        form.add("hold_all", "on");
        form.add(list, text);
        form.add(otherList, otherText);
        MvcResult result = mvc.perform(post("/newsroom/comments/settings").params(form).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(text).isEqualTo(400);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.getElementById("retention_days").val()).as(text).isEqualTo("45");
        assertThat(page.select("input[name=hold_all]").hasAttr("checked")).as(text).isTrue();
        return page;
    }

    @Test
    void closedDiscussionsShowNoFormAndRefusePosts() throws Exception {
        settings.save(Map.of("close_after_days", "1"));
        Document article = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        assertThat(article.select("form.comment-form")).isEmpty();
        assertThat(article.select(".comments-closed").text()).contains("closed");
        assertThat(postAsReader("late@example.net", "Too late to the party.")).isEqualTo(403);
        // The reader whose page still showed the form is told why, and sees what they wrote, to keep it.
        MvcResult late = mvc.perform(post(ARTICLE + "comments").param("name", "Reader").param("email", "late@example.net")
                .param("text", "Written while it closed.").param("token", tokens.issue(articleId, Instant.now().minusSeconds(120))))
                .andReturn();
        Document refused = Jsoup.parse(late.getResponse().getContentAsString());
        assertThat(refused.select(".comment-message").text()).contains("closed");
        assertThat(refused.select(".comment-own").text()).isEqualTo("Written while it closed.");
    }

    @Test
    void personalDataIsExportedAsJsonAndErasedByEmail() throws Exception {
        postAsReader("Private.Person@example.net", "My first remark.");
        postAsReader("private.person@example.net", "My second remark.");
        MvcResult export = mvc.perform(post("/newsroom/comments/personal-data/export")
                .param("email", "private.person@example.net").with(csrf())).andReturn();
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains("attachment");
        JsonNode json = JsonMapper.builder().build().readTree(export.getResponse().getContentAsString());
        assertThat(json.get("comments")).hasSize(2);
        assertThat(json.get("comments").get(0).get("text").asString()).isEqualTo("My first remark.");
        assertThat(json.get("comments").get(0).has("ipAddress")).isTrue();

        mvc.perform(post("/newsroom/comments/personal-data/erase").param("email", "private.person@example.net").with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE LOWER(author_email) = 'private.person@example.net'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_name = 'Anonymous' AND body LIKE 'My % remark.' AND author_ip IS NULL")
                .query(Long.class).single()).isEqualTo(2);
    }

    /**
     * A disallowed-list entry that matched the person quotes their address or IP address in the spam reasons: the
     * export shows the reasons (and the score), and erasure removes those copies too.
     */
    @Test
    void theSpamReasonsAreExportedAndErasedWithThePersonsAddresses() throws Exception {
        settings.save(Map.of("disallowed_emails", "Listed.Spammer@Good.example", "disallowed_ips", ""));
        mvc.perform(post(ARTICLE + "comments").param("name", "Listed").param("email", "listed.spammer@good.example")
                .param("text", "Listed by address.").param("token", tokens.issue(articleId, Instant.now().minusSeconds(120))));
        settings.save(Map.of("disallowed_emails", "", "disallowed_ips", "198.51.100.77"));
        mvc.perform(post(ARTICLE + "comments").param("name", "Listed").param("email", "listed.spammer@good.example")
                .param("text", "Listed by network.").param("token", tokens.issue(articleId, Instant.now().minusSeconds(120)))
                .with(r -> {
                    r.setRemoteAddr("198.51.100.77");
                    return r;
                }));
        settings.save(Map.of("disallowed_ips", ""));

        JsonNode comments = JsonMapper.builder().build().readTree(mvc.perform(post("/newsroom/comments/personal-data/export")
                .param("email", "listed.spammer@good.example").with(csrf())).andReturn().getResponse().getContentAsString())
                .get("comments");
        assertThat(comments).hasSize(2);
        assertThat(comments.get(0).get("spamScore").asDouble()).isGreaterThanOrEqualTo(10.0);
        assertThat(comments.get(0).get("spamReasons").valueStream().map(JsonNode::asString).toList())
                .anyMatch(r -> r.contains("(Listed.Spammer@Good.example)"));
        assertThat(comments.get(1).get("spamReasons").valueStream().map(JsonNode::asString).toList())
                .anyMatch(r -> r.contains("(198.51.100.77)"));

        mvc.perform(post("/newsroom/comments/personal-data/erase").param("email", "listed.spammer@good.example").with(csrf()));
        List<String> reasons = jdbc.sql("SELECT spam_reasons FROM comment WHERE body LIKE 'Listed by %' ORDER BY id")
                .query(String.class).list();
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).contains("email address on the disallowed list ([erased])");
        assertThat(reasons.get(1)).contains("IP address on the disallowed list ([erased])");
        assertThat(String.join("\n", reasons)).doesNotContainIgnoringCase("listed.spammer").doesNotContain("198.51.100.77");
        Document spamTab = Jsoup.parse(mvc.perform(get("/newsroom/comments/?status=SPAM")).andReturn().getResponse().getContentAsString());
        assertThat(spamTab.text()).doesNotContainIgnoringCase("listed.spammer@good.example").doesNotContain("198.51.100.77");
    }

    @Test
    void theExportNamesEachCommentsArticleOnlyWhileReadersCanSeeIt() throws Exception {
        OffsetDateTime published = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        String slug = "a-piece-later-withdrawn-" + System.nanoTime();
        long withdrawn = articles.create(new ArticleService.NewArticle(slug, "en", "A piece later withdrawn", "", "Text.",
                ArticleStatus.PUBLISHED, published, null, null, "", "", "", "", null, null, "", null, false,
                List.of(), List.of(), List.of()));
        assertThat(postAsReader("exported.reader@example.net", "On the ratchet.")).isEqualTo(302);
        assertThat(postAsReader(ArticleUrls.of(published, slug, ZoneOffset.UTC), withdrawn, "exported.reader@example.net",
                "On the piece.")).isEqualTo(302);
        articles.changeStatus(withdrawn, articles.find(withdrawn).orElseThrow().version(), ArticleStatus.DRAFT, published, null);

        MvcResult export = mvc.perform(post("/newsroom/comments/personal-data/export")
                .param("email", "exported.reader@example.net").with(csrf())).andReturn();
        assertThat(export.getResponse().getStatus()).isEqualTo(200);
        String text = export.getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode comments = JsonMapper.builder().build().readTree(text).get("comments");
        assertThat(comments).hasSize(2);

        JsonNode onPublic = comments.get(0);
        assertThat(onPublic.get("text").asString()).isEqualTo("On the ratchet.");
        assertThat(onPublic.get("articleId").asLong()).isEqualTo(articleId);
        assertThat(onPublic.get("articleTitle").asString())
                .isEqualTo(jdbc.sql("SELECT title FROM article WHERE id = :id").param("id", articleId).query(String.class).single());
        assertThat(onPublic.get("articleUrl").asString()).isEqualTo("http://localhost" + ARTICLE);
        assertThat(onPublic.get("articleNote").isNull()).isTrue();
        // The fields the export had before the article's title and address were added are all still there.
        assertThat(onPublic.propertyNames()).contains("id", "articleId", "parentId", "name", "email", "website", "ipAddress",
                "userAgent", "text", "status", "postedAt", "updatedAt");

        JsonNode onWithdrawn = comments.get(1);
        assertThat(onWithdrawn.get("text").asString()).isEqualTo("On the piece.");
        assertThat(onWithdrawn.get("articleTitle").isNull()).isTrue();
        assertThat(onWithdrawn.get("articleUrl").isNull()).isTrue();
        assertThat(onWithdrawn.get("articleNote").asString()).isEqualTo("article no longer public");
        assertThat(text).doesNotContain("A piece later withdrawn").doesNotContain(slug);
    }

    @Test
    void ipAddressAndUserAgentAreErasedAfterTheRetentionPeriod() throws Exception {
        postAsReader("old@example.net", "Posted long ago.");
        postAsReader("recent@example.net", "Posted just now.");
        jdbc.sql("""
                UPDATE comment SET created_at = :at, user_agent = 'Old/1.0', author_ip = '203.0.113.61',
                    spam_reasons = 'disallowed: IP address on the disallowed list (203.0.113.61) [+10.0]'
                WHERE author_email = 'old@example.net'""")
                .param("at", OffsetDateTime.now().minusDays(61)).update();
        privacy.eraseNetworkData();
        // The copy of the address in the spam reasons goes with it.
        assertThat(jdbc.sql("SELECT spam_reasons FROM comment WHERE author_email = 'old@example.net'").query(String.class).single())
                .isEqualTo("disallowed: IP address on the disallowed list ([erased]) [+10.0]");
        assertThat(jdbc.sql("SELECT author_ip FROM comment WHERE author_email = 'old@example.net'").query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT user_agent FROM comment WHERE author_email = 'old@example.net'").query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT author_ip FROM comment WHERE author_email = 'recent@example.net'").query(String.class).single()).isNotBlank();
    }
}
