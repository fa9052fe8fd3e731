package org.broadsheet.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 47, H2 only: foreign keys are made again so that each uses the index on its column that the table
 * already has, instead of one of its own.
 * <p>
 * H2 gives a foreign key an index of its own unless, at the moment the key is made, the table has an index on
 * exactly the key's columns, and {@code CREATE TABLE … REFERENCES …} makes the key before the migration's
 * {@code CREATE INDEX} lines. So every tag, section and author link, old address, former slug and author link
 * wrote one index entry more than its queries need — two identical indexes, one the key's, one the migration's —
 * and an import into an empty site kept the key's index up to date row by row and then built the migration's
 * again at its end (migrate/DeferredIndexes). Dropped and added again, each key takes the migration's index, and
 * that index is kept up to date during an import instead. The keys keep their rules and get names that say what
 * they are. Keys on a column that only leads a longer index (a comment's article, a link's article in its primary
 * key) keep their own index: H2 uses no longer one for a key.
 * <p>
 * PostgreSQL never makes an index for a foreign key, so there is nothing to do there. A Spring bean rather than
 * a class in {@code db/migration} so that it can live with the other shared infrastructure; Spring Boot hands
 * every {@link JavaMigration} bean to Flyway.
 */
@Component
class ForeignKeysOnExistingIndexes implements JavaMigration {

    /** A key by its table and column, and the migration's index on that column, which it is to use. */
    record ForeignKey(String table, String column, String servedBy) {
        String name() {
            return "fk_" + table + "_" + column;
        }
    }

    static final List<ForeignKey> KEYS = List.of(
            new ForeignKey("article_author", "author_id", "ix_article_author_author_id"),
            new ForeignKey("article_section", "section_id", "ix_article_section_section_id"),
            new ForeignKey("article_tag", "tag_id", "ix_article_tag_tag_id"),
            new ForeignKey("redirect", "article_id", "ix_redirect_article_id"),
            new ForeignKey("article_former_slug", "article_id", "ix_article_former_slug_article_id"),
            new ForeignKey("author_link", "author_id", "ix_author_link_author_id"));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("47");
    }

    @Override
    public String getDescription() {
        return "foreign keys on existing indexes (H2)";
    }

    @Override
    public Integer getChecksum() {
        return 47_001;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection con = context.getConnection();
        if (!con.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        for (ForeignKey key : KEYS) {
            remake(con, key);
        }
    }

    /** Drops the key on the column and adds it again, named, with the same referenced table and rules. */
    private static void remake(Connection con, ForeignKey key) throws SQLException {
        String sql = """
                SELECT tc.constraint_name, ccu.table_name, ccu.column_name, rc.update_rule, rc.delete_rule
                FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage kcu
                  ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name
                JOIN information_schema.referential_constraints rc
                  ON rc.constraint_schema = tc.constraint_schema AND rc.constraint_name = tc.constraint_name
                JOIN information_schema.key_column_usage ccu
                  ON ccu.constraint_schema = rc.unique_constraint_schema
                 AND ccu.constraint_name = rc.unique_constraint_name
                WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = CURRENT_SCHEMA
                  AND LOWER(tc.table_name) = ? AND LOWER(kcu.column_name) = ?
                """;
        String name;
        String referencedTable;
        String referencedColumn;
        String updateRule;
        String deleteRule;
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, key.table());
            ps.setString(2, key.column());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    // Already made again (or never made): nothing to share.
                    return;
                }
                name = rs.getString(1);
                referencedTable = rs.getString(2);
                referencedColumn = rs.getString(3);
                updateRule = rs.getString(4);
                deleteRule = rs.getString(5);
                if (rs.next()) {
                    throw new SQLException("More than one foreign key on " + key.table() + "." + key.column());
                }
            }
        }
        try (Statement st = con.createStatement()) {
            st.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + quoted(name));
            st.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name()
                    + " FOREIGN KEY (" + key.column() + ") REFERENCES " + referencedTable + " (" + referencedColumn + ")"
                    + " ON UPDATE " + updateRule + " ON DELETE " + deleteRule);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
