package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hourly limit's stripe locks are taken only for the limits that count a post: a post no limit counts (a
 * staff member's, or any post with both limits off) never queues behind another post from an address of the same
 * stripe. Each test holds the sender's stripes from another thread, as a slow post would, and posts meanwhile.
 */
@SpringBootTest
class RateLocksTest {

    @Autowired
    CommentService comments;
    @Autowired
    RateLocks rateLocks;
    @Autowired
    FormTokens tokens;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    JdbcClient jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private CommentService.Target target;

    @BeforeEach
    void setUp() {
        long articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        target = new CommentService.Target(articleId, CommentPostingTest.ARTICLE, "http://localhost" + CommentPostingTest.ARTICLE,
                "en", true);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        threads.shutdownNow();
        settings.save(Map.of("ip_per_hour", "20", "email_per_hour", "10"));
    }

    @Test
    void withBothLimitsOffAPostDoesNotWaitForItsSendersStripes() throws Exception {
        settings.save(Map.of("ip_per_hour", "0", "email_per_hour", "0", "hold_first_comment", "false"));
        holdStripesOf("198.51.100.71", "stripe-off@example.net");

        Future<CommentService.Posted> post = threads.submit(() -> comments.post(target,
                form("Off", "stripe-off@example.net", "Posted while another post of mine holds the stripes."),
                new CommentService.Sender("198.51.100.71", "Reader", "", null)));

        assertThat(post.get(20, TimeUnit.SECONDS).duplicate()).isFalse();
    }

    @Test
    void aStaffMembersPostDoesNotWaitForTheStripesEvenWithTheLimitsOn() throws Exception {
        settings.save(Map.of("ip_per_hour", "20", "email_per_hour", "10"));
        String email = "stripe-staff-" + System.nanoTime() + "@meridian.example";
        jdbc.sql("INSERT INTO app_user (email, display_name, role, created_at) VALUES (:e, 'Stripe Staff', 'EDITOR', :at)")
                .param("e", email).param("at", OffsetDateTime.now()).update();
        holdStripesOf("198.51.100.72", email);

        Future<CommentService.Posted> post = threads.submit(() -> comments.post(target,
                form("", "", "The editor answers while a reader's post holds the stripes."),
                new CommentService.Sender("198.51.100.72", "Staff", "", email)));

        assertThat(post.get(20, TimeUnit.SECONDS).duplicate()).isFalse();
    }

    @Test
    void withALimitOnAPostWaitsForItsSendersStripeAndIsStoredOnceItIsFree() throws Exception {
        settings.save(Map.of("ip_per_hour", "20", "email_per_hour", "0", "hold_first_comment", "false"));
        holdStripesOf("198.51.100.73");

        Future<CommentService.Posted> post = threads.submit(() -> comments.post(target,
                form("On", "stripe-on@example.net", "Posted while the network's stripe is held."),
                new CommentService.Sender("198.51.100.73", "Reader", "", null)));

        Thread.sleep(500);
        assertThat(post.isDone()).as("the post waits while its network address's stripe is held").isFalse();
        release.countDown();
        assertThat(post.get(20, TimeUnit.SECONDS).duplicate()).isFalse();
    }

    @Test
    void withTheEmailLimitOffAPostDoesNotWaitForItsEmailAddressesStripe() throws Exception {
        settings.save(Map.of("ip_per_hour", "20", "email_per_hour", "0", "hold_first_comment", "false"));
        assertThat(RateLocks.stripe("stripe-mail@example.net")).isNotEqualTo(RateLocks.stripe("198.51.100.74"));
        holdStripesOf("stripe-mail@example.net");

        Future<CommentService.Posted> post = threads.submit(() -> comments.post(target,
                form("Mail", "stripe-mail@example.net", "Posted while my email address's stripe is held."),
                new CommentService.Sender("198.51.100.74", "Reader", "", null)));

        assertThat(post.get(20, TimeUnit.SECONDS).duplicate()).isFalse();
    }

    /** Holds these addresses' stripes, in memory and in the database, until {@link #release} opens. */
    private void holdStripesOf(String... addresses) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        threads.submit(() -> rateLocks.holding(List.of(addresses), () -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
    }

    private CommentForm form(String name, String email, String text) {
        return new CommentForm(name, email, "", text, "", tokens.issue(target.articleId(), Instant.now().minusSeconds(60)), "");
    }
}
