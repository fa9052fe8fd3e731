package org.broadsheet.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.broadsheet.account.AccountTokens;
import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Secret links that show an unpublished article to someone outside the newsroom until they expire. */
@Service
class PreviewLinks {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    PreviewLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link token for the article; only its hash is stored. */
    String create(long articleId) {
        String token = AccountTokens.newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO preview_link (token_hash, article_id, expires_at, created_at) VALUES (:h, :a, :e, :n)")
                .param("h", AccountTokens.hash(token)).param("a", articleId).param("e", now.plus(VALIDITY)).param("n", now)
                .update();
        return token;
    }

    /** The article a link shows, while it is valid. */
    Optional<Long> articleFor(String token) {
        return jdbc.sql("SELECT article_id FROM preview_link WHERE token_hash = :h AND expires_at > :now")
                .param("h", AccountTokens.hash(token)).param("now", OffsetDateTime.now(clock)).query(Long.class).optional();
    }
}
