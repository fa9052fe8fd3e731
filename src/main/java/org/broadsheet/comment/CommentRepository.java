package org.broadsheet.comment;

import org.broadsheet.support.Rows;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ApprovedRow(long id, Long parentId, String authorName, String authorUrl, String body, OffsetDateTime createdAt) {
    }

    List<ApprovedRow> approvedFor(long articleId) {
        return jdbc.sql("""
                SELECT id, parent_id, author_name, author_url, body, created_at
                FROM comment WHERE article_id = :articleId AND status = 'APPROVED'
                ORDER BY created_at, id""")
                .param("articleId", articleId).query(Rows.of(ApprovedRow.class)).list();
    }

    long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'PENDING'").query(Long.class).single();
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
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, author_ip, user_agent,
                    user_id, body, status, spam_score, spam_reasons, created_at, updated_at)
                VALUES (:articleId, :parentId, :name, :email, :url, :ip, :ua, :userId, :body, :status, :score, :reasons, :at, :at)""")
                .param("articleId", articleId).param("parentId", parentId).param("name", name).param("email", email)
                .param("url", url).param("ip", ip).param("ua", userAgent).param("userId", userId).param("body", body)
                .param("status", status.name()).param("score", spamScore).param("reasons", spamReasons).param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
