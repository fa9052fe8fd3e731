package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.broadsheet.change.ChangeLog;
import org.broadsheet.testing.ChangeLogs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Rules about who sends a comment: their address, their limit, their name, and whether they are staff. */
@SpringBootTest
@AutoConfigureMockMvc
class CommentSenderRulesTest {

    static final String ARTICLE = CommentPostingTest.ARTICLE;

    @Autowired
    MockMvc mvc;
    @Autowired
    CommentService comments;
    @Autowired
    FormTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    ChangeLog changeLog;

    long articleId;
    CommentService.Target target;

    @BeforeEach
    void setUp() {
        articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        target = new CommentService.Target(articleId, ARTICLE, "http://localhost" + ARTICLE, "en", true);
        settings.save(Map.of("hold_first_comment", "false", "ip_per_hour", "20", "email_per_hour", "10"));
    }

    @AfterEach
    void defaults() {
        settings.save(Map.of("disallowed_ips", "", "ip_per_hour", "20", "email_per_hour", "10", "newest_first", "false"));
    }

    CommentForm form(String name, String email, String text) {
        return new CommentForm(name, email, "", text, "", tokens.issue(articleId, Instant.now().minusSeconds(60)), "");
    }

    long stored(String like) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE body LIKE :t").param("t", like).query(Long.class).single();
    }

    @Test
    void parallelPostsFromOneAddressStopAtTheHourlyLimit() throws Exception {
        settings.save(Map.of("ip_per_hour", "3", "email_per_hour", "0"));
        int posters = 12;
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < posters; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    comments.post(target, form("Burst " + n, "burst" + n + "@example.net", "Burst comment " + n + " on renewals."),
                            new CommentService.Sender("198.51.100.77", "Burst", "", null));
                    return 302;
                } catch (CommentRejected rejected) {
                    return rejected.status;
                }
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 302).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(posters - 3);
        assertThat(stored("Burst comment % on renewals.")).isEqualTo(3);
    }

    @Test
    void anEmailThatGrowsInLowerCaseIsRefusedWithAMessageNotAnError() throws Exception {
        String dotted = "\u0130".repeat(300) + "@example.com";
        MvcResult result = mvc.perform(post(ARTICLE + "comments").param("name", "Dotted").param("email", dotted)
                .param("text", "Turkish dotted capital I.").param("token", tokens.issue(articleId, Instant.now().minusSeconds(60))))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select(".form-problems li").text())
                .contains("is not an email address");
        assertThat(stored("Turkish dotted capital I.")).isZero();
    }

    @Test
    void aDisallowedIpv6AddressWrittenShortCatchesTheLongFormTheServerSees() throws Exception {
        settings.save(Map.of("disallowed_ips", "2001:db8::/32\n::1"));
        comments.post(target, form("Six", "six@example.net", "From the loopback of the sixth version."),
                new CommentService.Sender("0:0:0:0:0:0:0:1", "Six", "", null));
        assertThat(jdbc.sql("SELECT status FROM comment WHERE body = 'From the loopback of the sixth version.'")
                .query(String.class).single()).isEqualTo("SPAM");
    }

    @Test
    void aStaffMembersCommentIsMarkedAndAReaderTypingTheirNameIsNot() throws Exception {
        settings.save(Map.of("newest_first", "true"));
        String email = "staff-mark-" + System.nanoTime() + "@meridian.example";
        jdbc.sql("INSERT INTO app_user (email, display_name, role, created_at) VALUES (:e, 'Nadia Staff', 'EDITOR', :at)")
                .param("e", email).param("at", OffsetDateTime.now()).update();
        long real = comments.post(target, form("", "", "The editor answers the readers."),
                new CommentService.Sender("198.51.100.9", "Staff", "", email)).id();
        long fake = comments.post(target, form("Nadia Staff", "nadia.fake@example.net", "Pretending to be the editor."),
                new CommentService.Sender("198.51.100.10", "Reader", "", null)).id();
        ChangeLogs.settle(changeLog);

        Document page = Jsoup.parse(mvc.perform(get(ARTICLE)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#comment-" + real + " > article .comment-author").text()).isEqualTo("Nadia Staff");
        assertThat(page.select("#comment-" + real + " > article .comment-staff").text()).isEqualTo("staff");
        assertThat(page.select("#comment-" + fake + " > article .comment-author").text()).isEqualTo("Nadia Staff");
        assertThat(page.select("#comment-" + fake + " > article .comment-staff")).isEmpty();
    }
}
