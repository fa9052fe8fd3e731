package org.broadsheet.change;

import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChangeLogRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChangeLogRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long append(String entity, long entityId, Long articleId, String action, String nodeId, OffsetDateTime at) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO change_log (entity, entity_id, article_id, action, node_id, created_at)
                VALUES (:entity, :entityId, :articleId, :action, :node, :at)""")
                .param("entity", entity).param("entityId", entityId).param("articleId", articleId)
                .param("action", action).param("node", nodeId).param("at", at)
                .update(keys, "seq");
        return keys.getKey().longValue();
    }

    long appendAll(String entity, List<Long> articleIds, String action, String nodeId, OffsetDateTime at) {
        List<Object[]> rows = articleIds.stream().map(id -> new Object[] {entity, id, id, action, nodeId, at}).toList();
        template.batchUpdate("""
                INSERT INTO change_log (entity, entity_id, article_id, action, node_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
        return maxSeq();
    }

    /** Rows after {@code seq}, oldest first. */
    List<ContentChanged> after(long seq, int limit) {
        return jdbc.sql("""
                SELECT seq, entity, entity_id, article_id, action, node_id, created_at FROM change_log
                WHERE seq > :seq ORDER BY seq LIMIT :limit""")
                .param("seq", seq).param("limit", limit)
                // An explicit mapper: mapping by record component names makes H2 throw (and trace) per column.
                .query((rs, n) -> new ContentChanged(rs.getLong("seq"), rs.getString("entity"), rs.getLong("entity_id"),
                        rs.getObject("article_id", Long.class), rs.getString("action"), rs.getString("node_id"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)))
                .list();
    }

    long maxSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM change_log").query(Long.class).single();
    }

    int deleteBefore(OffsetDateTime cutoff) {
        return jdbc.sql("DELETE FROM change_log WHERE created_at < :cutoff").param("cutoff", cutoff).update();
    }
}
