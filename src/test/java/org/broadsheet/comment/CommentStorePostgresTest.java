package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.broadsheet.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The discussion's migrations and SQL on PostgreSQL (the same paths run on H2 in the other tests). */
@SpringBootTest
@OnPostgres
class CommentStorePostgresTest {

    @Autowired
    CommentService comments;
    @Autowired
    CommentQueue queue;
    @Autowired
    CommentPrivacy privacy;
    @Autowired
    FormTokens tokens;
    @Autowired
    DiscussionSettings settings;
    @Autowired
    JdbcClient jdbc;

    @Test
    void postsModeratesTrainsAndErasesOnPostgres() throws Exception {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).contains("PostgreSQL");
        settings.save(Map.of("hold_first_comment", "true", "ip_per_hour", "0", "email_per_hour", "0"));
        long articleId = jdbc.sql("SELECT id FROM article WHERE slug = 'the-sanctions-ratchet'").query(Long.class).single();
        CommentService.Target target = new CommentService.Target(articleId, CommentPostingTest.ARTICLE,
                "http://localhost" + CommentPostingTest.ARTICLE, "en", true);
        CommentService.Sender sender = new CommentService.Sender("203.0.113.7", "PG/1.0", "", null);
        CommentForm form = new CommentForm("Pat", "Pat@Example.net", "", "A comment stored in PostgreSQL.", "",
                tokens.issue(articleId, Instant.now().minusSeconds(60)), "");

        // Two simultaneous submissions of one form: the unique index lets one in, the other finds it.
        var first = CompletableFuture.supplyAsync(() -> comments.post(target, form, sender));
        var second = CompletableFuture.supplyAsync(() -> comments.post(target, form, sender));
        long id = first.get().id();
        assertThat(second.get().id()).isEqualTo(id);
        assertThat(first.get().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(comments.pendingCount()).isGreaterThanOrEqualTo(1);

        long version = jdbc.sql("SELECT version FROM spam_model WHERE id = 1").query(Long.class).single();
        queue.moderate(List.of(id), ModerationAction.APPROVE);
        assertThat(jdbc.sql("SELECT version FROM spam_model WHERE id = 1").query(Long.class).single()).isGreaterThan(version);
        assertThat(jdbc.sql("SELECT LENGTH(weights) FROM spam_model WHERE id = 1").query(Integer.class).single()).isPositive();
        assertThat(comments.discussion(articleId).thread()).anyMatch(c -> c.id() == id);

        jdbc.sql("UPDATE comment SET created_at = :at WHERE id = :id").param("at", OffsetDateTime.now().minusDays(90))
                .param("id", id).update();
        assertThat(privacy.eraseNetworkData()).isGreaterThanOrEqualTo(1);
        assertThat(privacy.export("pat@example.net")).contains("A comment stored in PostgreSQL.");
        assertThat(privacy.erase("pat@example.net")).isEqualTo(1);
    }
}
