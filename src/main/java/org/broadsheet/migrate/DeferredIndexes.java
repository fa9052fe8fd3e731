package org.broadsheet.migrate;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * While an import fills tables that were empty when it started (a journal migrated into a fresh site), their
 * secondary indexes are dropped and built again at its end, one sorted pass each, instead of taking an entry
 * per row on the way: on H2 every entry of a transaction is written twice (uncommitted, then committed) and
 * index pages are written again at every flush. Only indexes that back no constraint and that nothing reads
 * during an import are listed; primary keys, unique indexes and the ones H2 makes for foreign keys stay.
 * <p>
 * Each index's CREATE statement is stored in {@code import_deferred_index} before it is dropped, and its row
 * deleted once the index is back: at the end of the import, failed or not, or — when the process was killed
 * before that — at the next start. A site is never left without them. A table that already holds rows keeps its
 * indexes (a site being updated, or read while it is imported). Building is idempotent ({@code IF NOT EXISTS}):
 * another node that starts during an import on a shared PostgreSQL builds them early, which is slower, not wrong.
 */
@Component
class DeferredIndexes {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);

    /**
     * Per table an import fills, the indexes it builds at its end. Building one is a full scan of its table, in
     * which H2 reads and decodes every row, long texts included. Worth it only for an index whose keys arrive in no
     * order (a comment's status and date, its email, its IP; a link table's author, section or tag; a source row's
     * kind and target): filled row by row, such an index changes pages all over the tree at every batch. An index
     * whose keys arrive in ascending order grows at its right edge and costs less as rows come than a scan at the
     * end: a comment's article and its body hash (empty for imported comments), an old address's article. The
     * articles' own two are filled as rows arrive too, their rows carrying each body twice (Markdown and HTML).
     * Measured each way in bench/migration.md.
     */
    static final Map<String, List<String>> DEFERRABLE = deferrable();

    private static Map<String, List<String>> deferrable() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("comment", List.of("ix_comment_status_created_at",
                "ix_comment_author_email", "ix_comment_author_ip_created_at"));
        m.put("migration_source", List.of("ix_migration_source_kind_target_id"));
        m.put("article_author", List.of("ix_article_author_author_id"));
        m.put("article_section", List.of("ix_article_section_section_id"));
        m.put("article_tag", List.of("ix_article_tag_tag_id"));
        return m;
    }

    private final JdbcTemplate jdbc;
    private int running;

    DeferredIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Drops the deferrable indexes of the tables that are empty now; returns what builds them again (call it in a
     * {@code finally}). With imports overlapping, only the first drops and the last one to end builds.
     */
    synchronized Runnable dropWhileEmpty() {
        if (running++ == 0) {
            rebuildLeftOvers();
            try {
                DEFERRABLE.forEach((table, names) -> {
                    if (isEmpty(table)) {
                        names.forEach(name -> drop(table, name));
                    }
                });
            } catch (DataAccessException e) {
                // Only a question of speed: what was dropped is recorded and built again at the end.
                log.warn("Import: kept the indexes of the tables it fills: {}", e.getMessage());
            }
        }
        return this::importEnded;
    }

    private synchronized void importEnded() {
        if (--running == 0) {
            rebuildLeftOvers();
        }
    }

    /** At start: a process killed during an import left indexes dropped; build them before the site runs on. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void rebuildAfterKilledImport() {
        if (running == 0) {
            rebuildLeftOvers();
        }
    }

    /** Names of the indexes dropped and not yet built again. */
    List<String> pending() {
        return jdbc.queryForList("SELECT index_name FROM import_deferred_index ORDER BY index_name", String.class);
    }

    /** Builds every recorded index; one that fails stays recorded for the next start or import. */
    private void rebuildLeftOvers() {
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.queryForList("SELECT index_name, create_sql FROM import_deferred_index");
        } catch (DataAccessException e) {
            log.warn("Import: could not read which indexes to build again: {}", e.getMessage());
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int built = 0;
        for (Map<String, Object> row : rows) {
            String name = (String) row.get("index_name");
            try {
                jdbc.execute((String) row.get("create_sql"));
                jdbc.update("DELETE FROM import_deferred_index WHERE index_name = ?", name);
                built++;
            } catch (DataAccessException e) {
                log.warn("Import: could not build index {} again; the next start tries again: {}", name, e.getMessage());
            }
        }
        log.info("Import: built {} of {} deferred indexes again in {} ms", built, rows.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private boolean isEmpty(String table) {
        return jdbc.queryForList("SELECT 1 FROM " + table + " LIMIT 1").isEmpty();
    }

    /** Records how to build the index, then drops it; an index that is not there as expected is left alone. */
    private void drop(String table, String name) {
        String create = createStatement(table, name);
        if (create == null) {
            return;
        }
        jdbc.update("INSERT INTO import_deferred_index (index_name, table_name, create_sql, dropped_at) VALUES (?, ?, ?, ?)",
                name, table, create, OffsetDateTime.now());
        try {
            jdbc.execute("DROP INDEX " + name);
        } catch (DataAccessException e) {
            // Bound to a constraint after all (a database can reuse an index for one): it stays, and so must be
            // forgotten here.
            jdbc.update("DELETE FROM import_deferred_index WHERE index_name = ?", name);
        }
    }

    /**
     * {@code CREATE INDEX IF NOT EXISTS …} rebuilt from the database's own description of the index, so that it
     * comes back exactly as the migrations made it; null if the table has no such plain, non-unique column index.
     */
    String createStatement(String table, String name) {
        return jdbc.execute((ConnectionCallback<String>) con -> {
            DatabaseMetaData meta = con.getMetaData();
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getIndexInfo(con.getCatalog(), con.getSchema(), table, false, false)) {
                while (rs.next()) {
                    if (!name.equalsIgnoreCase(rs.getString("INDEX_NAME")) || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                        continue;
                    }
                    String column = rs.getString("COLUMN_NAME");
                    if (!rs.getBoolean("NON_UNIQUE") || column == null || rs.getString("FILTER_CONDITION") != null) {
                        return null;
                    }
                    int position = rs.getShort("ORDINAL_POSITION");
                    while (columns.size() < position) {
                        columns.add(null);
                    }
                    columns.set(position - 1, column + ("D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : ""));
                }
            }
            if (columns.isEmpty() || columns.contains(null)) {
                return null;
            }
            return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + String.join(", ", columns) + ")";
        });
    }
}
