package org.broadsheet.comment;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    private static final String COLUMNS = """
            id, article_id, parent_id, author_name, author_email, author_url, author_ip, user_agent, user_id, body,
            status, spam_score, spam_reasons, created_at, updated_at, trained_as, recheck""";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ApprovedRow(long id, Long parentId, String authorName, String authorUrl, String body, OffsetDateTime createdAt,
                       boolean staff) {
    }

    /** A whole row, for moderation, export and the held-comment notice. */
    record CommentRow(long id, long articleId, Long parentId, String authorName, String authorEmail, String authorUrl,
                      String authorIp, String userAgent, Long userId, String body, CommentStatus status,
                      double spamScore, String spamReasons, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                      String trainedAs, boolean recheck) {
    }

    /** What a new comment row holds. */
    record NewComment(long articleId, Long parentId, String name, String email, String url, String ip,
                      String userAgent, Long userId, String body, CommentStatus status, double spamScore,
                      String spamReasons, OffsetDateTime at, String idempotencyKey, String bodyHash, boolean recheck) {
    }

    List<ApprovedRow> approvedFor(long articleId) {
        return jdbc.sql("""
                SELECT id, parent_id, author_name, author_url, body, created_at, user_id IS NOT NULL AS staff
                FROM comment WHERE article_id = :articleId AND status = 'APPROVED'
                ORDER BY created_at, id""")
                .param("articleId", articleId).query(Rows.of(ApprovedRow.class)).list();
    }

    Map<Long, Long> approvedCounts(Collection<Long> articleIds) {
        Map<Long, Long> out = new HashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT article_id, COUNT(*) FROM comment WHERE article_id IN (:ids) AND status = 'APPROVED' GROUP BY article_id")
                .param("ids", articleIds)
                .query((rs, n) -> out.put(rs.getLong(1), rs.getLong(2))).list();
        return out;
    }

    long insert(long articleId, Long parentId, String name, String email, String url, String ip, String userAgent,
                Long userId, String body, CommentStatus status, double spamScore, String spamReasons, OffsetDateTime at) {
        // Emails are stored in lower case (see CommentService.post), so that per-email lookups use the index.
        return insert(new NewComment(articleId, parentId, name, email.toLowerCase(java.util.Locale.ROOT), url, ip, userAgent, userId, body, status,
                spamScore, spamReasons, at, null, CommentService.bodyHash(body), false));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the idempotency key was used before */
    long insert(NewComment c) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, author_ip, user_agent,
                    user_id, body, status, spam_score, spam_reasons, created_at, updated_at, idempotency_key, body_hash, recheck)
                VALUES (:articleId, :parentId, :name, :email, :url, :ip, :ua, :userId, :body, :status, :score, :reasons,
                    :at, :at, :key, :hash, :recheck)""")
                .param("articleId", c.articleId()).param("parentId", c.parentId()).param("name", c.name())
                .param("email", c.email()).param("url", c.url()).param("ip", c.ip()).param("ua", c.userAgent())
                .param("userId", c.userId()).param("body", c.body()).param("status", c.status().name())
                .param("score", c.spamScore()).param("reasons", c.spamReasons()).param("at", c.at())
                .param("key", c.idempotencyKey()).param("hash", c.bodyHash()).param("recheck", c.recheck())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<CommentRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = :id").param("id", id).query(Rows.of(CommentRow.class)).optional();
    }

    Optional<CommentRow> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE idempotency_key = :k").param("k", key)
                .query(Rows.of(CommentRow.class)).optional();
    }

    List<CommentRow> byStatus(CommentStatus status, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE status = :s ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("s", status.name()).param("limit", limit).param("offset", offset).query(Rows.of(CommentRow.class)).list();
    }

    List<CommentRow> byEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE author_email = LOWER(:e) ORDER BY created_at, id")
                .param("e", email).query(Rows.of(CommentRow.class)).list();
    }

    List<CommentRow> toRecheck(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE recheck = TRUE AND status = 'PENDING' ORDER BY id LIMIT :limit")
                .param("limit", limit).query(Rows.of(CommentRow.class)).list();
    }

    /** Moderated comments (and what they taught the filter), to refit the learned model. */
    List<CommentRow> trained() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE trained_as IS NOT NULL ORDER BY id").query(Rows.of(CommentRow.class)).list();
    }

    long countByStatus(CommentStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = :s").param("s", status.name()).query(Long.class).single();
    }

    long countFromIpSince(String ip, OffsetDateTime since) {
        return ip == null ? 0 : jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_ip = :ip AND created_at > :since")
                .param("ip", ip).param("since", since).query(Long.class).single();
    }

    OffsetDateTime oldestFromIpSince(String ip, OffsetDateTime since) {
        return jdbc.sql("SELECT MIN(created_at) FROM comment WHERE author_ip = :ip AND created_at > :since")
                .param("ip", ip).param("since", since).query(OffsetDateTime.class).optional().orElse(null);
    }

    OffsetDateTime oldestFromEmailSince(String email, OffsetDateTime since) {
        return jdbc.sql("SELECT MIN(created_at) FROM comment WHERE author_email = LOWER(:e) AND created_at > :since")
                .param("e", email).param("since", since).query(OffsetDateTime.class).optional().orElse(null);
    }

    long countFromEmailSince(String email, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_email = LOWER(:e) AND created_at > :since")
                .param("e", email).param("since", since).query(Long.class).single();
    }

    long countSameTextSince(String bodyHash, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE body_hash = :h AND created_at > :since")
                .param("h", bodyHash).param("since", since).query(Long.class).single();
    }

    long countApprovedFromEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_email = LOWER(:e) AND status = 'APPROVED'")
                .param("e", email).query(Long.class).single();
    }

    /** Comments from this address that a moderator marked spam (the filter learned them as spam) and left there. */
    long countModeratedSpamFromEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_email = LOWER(:e) AND status = 'SPAM' AND trained_as = 'SPAM'")
                .param("e", email).query(Long.class).single();
    }

    void updateStatus(long id, CommentStatus status, String trainedAs, OffsetDateTime at) {
        jdbc.sql("UPDATE comment SET status = :s, trained_as = COALESCE(:t, trained_as), recheck = FALSE, updated_at = :at WHERE id = :id")
                .param("s", status.name()).param("t", trainedAs).param("at", at).param("id", id).update();
    }

    void updateVerdict(long id, CommentStatus status, double score, String reasons, boolean recheck, OffsetDateTime at) {
        jdbc.sql("UPDATE comment SET status = :s, spam_score = :score, spam_reasons = :r, recheck = :re, updated_at = :at WHERE id = :id")
                .param("s", status.name()).param("score", score).param("r", reasons).param("re", recheck)
                .param("at", at).param("id", id).update();
    }

    void updateBody(long id, String name, String url, String body, OffsetDateTime at) {
        jdbc.sql("UPDATE comment SET author_name = :n, author_url = :u, body = :b, body_hash = :h, updated_at = :at WHERE id = :id")
                .param("n", name).param("u", url).param("b", body).param("h", CommentService.bodyHash(body))
                .param("at", at).param("id", id).update();
    }

    /** Deleting a comment keeps its replies: they move up to its parent. */
    void delete(long id) {
        jdbc.sql("UPDATE comment SET parent_id = (SELECT c.parent_id FROM comment c WHERE c.id = :id) WHERE parent_id = :id")
                .param("id", id).update();
        jdbc.sql("DELETE FROM comment WHERE id = :id").param("id", id).update();
    }

    /** Erases IP addresses and user agents of comments posted before {@code before}; returns how many rows. */
    int eraseNetworkData(OffsetDateTime before) {
        // A spam reason may quote the IP address (an exact entry of the disallowed list): that copy goes too.
        return jdbc.sql("""
                UPDATE comment SET spam_reasons = CASE WHEN author_ip IS NULL OR author_ip = '' THEN spam_reasons
                        ELSE REPLACE(spam_reasons, author_ip, :erased) END,
                    author_ip = NULL, user_agent = NULL
                WHERE created_at < :before AND (author_ip IS NOT NULL OR user_agent IS NOT NULL)""")
                .param("before", before).param("erased", ERASED).update();
    }

    /**
     * Anonymises every comment of an email address: the text stays (others replied to it), the person goes,
     * including the copies of their address and IP address that the spam filter's reasons quote (a disallowed
     * entry that matched them, say).
     */
    List<CommentRow> anonymise(String email, OffsetDateTime at) {
        List<CommentRow> rows = byEmail(email);
        for (CommentRow row : rows) {
            String reasons = withoutIdentifiers(row.spamReasons(), row.authorEmail(), row.authorIp());
            if (reasons != null && !reasons.equals(row.spamReasons())) {
                jdbc.sql("UPDATE comment SET spam_reasons = :r WHERE id = :id").param("r", reasons).param("id", row.id()).update();
            }
        }
        jdbc.sql("""
                UPDATE comment SET author_name = 'Anonymous', author_email = '', author_url = NULL, author_ip = NULL,
                    user_agent = NULL, updated_at = :at WHERE author_email = LOWER(:e)""")
                .param("e", email).param("at", at).update();
        return rows;
    }

    /** What replaces an erased email or IP address where a spam reason quoted it. */
    static final String ERASED = "[erased]";

    /** The reasons with every occurrence of the identifiers (any letter case) replaced by {@link #ERASED}. */
    static String withoutIdentifiers(String reasons, String... identifiers) {
        if (reasons == null) {
            return null;
        }
        String out = reasons;
        for (String identifier : identifiers) {
            if (identifier != null && !identifier.isBlank()) {
                out = Pattern.compile(Pattern.quote(identifier), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(out).replaceAll(ERASED);
            }
        }
        return out;
    }

    /** Published articles that take comments and were published in the period (from exclusive, to inclusive). */
    List<Long> publishedBetween(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT id FROM article WHERE status = 'PUBLISHED' AND comments_open = TRUE
                    AND published_at > :from AND published_at <= :to""")
                .param("from", from).param("to", to).query(Long.class).list();
    }

    record Staff(long id, String displayName, String email) {
    }

    /** The staff account signed in (read-only; accounts belong to the account feature). */
    Optional<Staff> staff(String email) {
        return jdbc.sql("SELECT id, display_name, email FROM app_user WHERE LOWER(email) = LOWER(:e) AND enabled = TRUE")
                .param("e", email).query(Rows.of(Staff.class)).optional();
    }
}
