package org.broadsheet.migrate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The site's tables as the database describes them: which to back up, in an order where every table comes
 * after the tables it refers to, and which of its columns refer to itself (a comment's parent), which a
 * restore fills in a second pass. Reading the schema instead of listing tables here means that tables other
 * features add later (revisions, spam filter state) are backed up without a change to this code.
 */
final class Tables {

    /**
     * Bookkeeping of the framework and of this instance, not content: never exported. The change log is how
     * nodes follow each other's changes; a restored site starts its own (and rebuilds its search index). Mail
     * in the outbox announced something to this instance's staff at the time; a restored copy must not send it again.
     * The indexes an import is building again belong to this database's schema, not to the site's content, as do
     * the lock rows that posting comments takes (their migration makes them in every instance).
     */
    private static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "spring_session",
            "spring_session_attributes", "shedlock", "change_log", "sign_in_throttle", "mail_outbox",
            "import_deferred_index", "comment_rate_lock");

    /**
     * @param references the columns that refer to rows of other tables, so that a restore can name the row an
     *                   archive's row refers to when that row is missing
     */
    record Table(String name, List<String> selfReferences, boolean identityId, List<Reference> references) {
    }

    /** A column whose value is the {@code targetColumn} of a row of {@code targetTable}. */
    record Reference(String column, String targetTable, String targetColumn) {
    }

    private Tables() {
    }

    static List<Table> inDependencyOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet rs = meta.getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!EXCLUDED.contains(name) && !name.startsWith("spring_session")) {
                    names.add(name);
                }
            }
        }
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        Map<String, List<String>> selfRefs = new LinkedHashMap<>();
        Map<String, List<Reference>> references = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> deps = new LinkedHashSet<>();
            List<String> self = new ArrayList<>();
            List<Reference> refs = new ArrayList<>();
            try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), schema, tableName(meta, name))) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (target.equals(name)) {
                        self.add(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    } else if (names.contains(target)) {
                        deps.add(target);
                        refs.add(new Reference(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT), target,
                                rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)));
                    }
                }
            }
            dependsOn.put(name, deps);
            selfRefs.put(name, self);
            references.put(name, refs);
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!placed.contains(name) && placed.containsAll(dependsOn.get(name))) {
                    placed.add(name);
                    ordered.add(new Table(name, selfRefs.get(name), identityId(meta, c, schema, name),
                            references.get(name)));
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("The tables refer to each other in a cycle: " + names);
            }
        }
        return ordered;
    }

    /** PostgreSQL keeps names in lower case, H2 here too (DATABASE_TO_LOWER), others in upper case. */
    private static String tableName(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static boolean identityId(DatabaseMetaData meta, Connection c, String schema, String name) throws SQLException {
        try (ResultSet rs = meta.getColumns(c.getCatalog(), schema, tableName(meta, name), tableName(meta, "id"))) {
            return rs.next() && "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
        }
    }
}
