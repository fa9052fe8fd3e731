package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 32 readers post 200 comments each at the same time, through the whole posting path (token, checks, spam
 * filter, insert); every tenth form is sent twice. Every comment must be stored exactly once.
 */
@SpringBootTest
class ConcurrentPostingTest {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentPostingTest.class);
    static final int POSTERS = 32;
    static final int EACH = 200;

    @Autowired
    CommentService comments;
    @Autowired
    FormTokens tokens;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void thirtyTwoConcurrentPostersStoreEveryCommentExactlyOnce() throws Exception {
        settings.save(Map.of("ip_per_hour", "0", "email_per_hour", "0", "hold_first_comment", "false"));
        long articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        CommentService.Target target = new CommentService.Target(articleId, CommentPostingTest.ARTICLE,
                "http://localhost" + CommentPostingTest.ARTICLE, "en", true);
        long before = jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
        AtomicInteger duplicatesAnswered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        // Double submissions arrive on other threads at the same moment as the first, as two browser requests would.
        ExecutorService resubmits = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> sameComment = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            int poster = p;
            done.add(pool.submit(() -> {
                CommentService.Sender sender = new CommentService.Sender("198.51.100." + poster, "Poster/" + poster, "", null);
                for (int i = 0; i < EACH; i++) {
                    CommentForm form = new CommentForm("Poster " + poster, "poster" + poster + "@example.net", "",
                            "Comment " + i + " by poster " + poster + " on the renewal question.", "",
                            tokens.issue(articleId, Instant.now().minusSeconds(60)), "");
                    Future<CommentService.Posted> again = i % 10 == 0
                            ? resubmits.submit(() -> comments.post(target, form, sender)) : null;
                    CommentService.Posted first = comments.post(target, form, sender);
                    if (again != null) {
                        sameComment.add(resubmits.submit(() -> again.get().id() == first.id()));
                        duplicatesAnswered.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        for (Future<Boolean> same : sameComment) {
            assertThat(same.get()).isTrue();
        }
        pool.shutdown();
        resubmits.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        int posts = POSTERS * EACH + duplicatesAnswered.get();
        log.info("{} posts ({} double submissions) in {} s: {} posts/s with the filter on", posts,
                duplicatesAnswered.get(), String.format("%.1f", seconds), String.format("%.0f", posts / seconds));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single() - before).isEqualTo(POSTERS * EACH);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT body FROM comment WHERE author_email LIKE 'poster%@example.net'
                GROUP BY author_email, body HAVING COUNT(*) > 1) dup""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT author_email) FROM comment WHERE author_email LIKE 'poster%@example.net'")
                .query(Long.class).single()).isEqualTo(POSTERS);
    }
}
