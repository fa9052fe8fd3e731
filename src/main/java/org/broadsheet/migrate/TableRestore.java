package org.broadsheet.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.broadsheet.support.BadRequestException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One table of an archive ({@code tables/NAME.jsonl}, a JSON object per line) written into the table, inside
 * the restore's transaction. A line that is not JSON, a value that does not fit its column and a row that
 * refers to a row the archive does not have are refused with the entry, the line and the row named: the
 * operator learns what is wrong with the archive, not the SQL statement that failed.
 */
final class TableRestore {

    private static final int BATCH = 500;

    /** A row read from the archive, kept until its batch is written: its line names it when the batch fails. */
    private record Pending(int line, JsonNode row) {
    }

    private final Connection c;
    private final String archiveName;
    private final ZipEntry entry;
    private final Tables.Table table;
    private final JsonMapper json = JsonMapper.builder().build();

    TableRestore(Connection c, String archiveName, ZipEntry entry, Tables.Table table) {
        this.c = c;
        this.archiveName = archiveName;
        this.entry = entry;
        this.table = table;
    }

    /** @return the rows inserted (rows the new instance had already take the archive's values and are not counted) */
    long restore(ZipFile zip, List<String> warnings) throws SQLException, IOException {
        Map<String, Integer> types = columnTypes(c, table.name());
        boolean seeded = hasRows(c, table.name());
        List<String[]> selfLinks = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        long count = 0;
        PreparedStatement insert = null;
        List<String> columns = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = parse(line, number);
                if (columns == null) {
                    columns = new ArrayList<>();
                    for (String name : row.propertyNames()) {
                        if (types.containsKey(name)) {
                            columns.add(name);
                        } else {
                            warnings.add("column " + table.name() + "." + name + " is not in this version's schema; its values are skipped");
                        }
                    }
                    insert = c.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", columns)
                            + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)");
                }
                if (seeded && exists(c, table.name(), row)) {
                    // A row the new instance made for itself (the spam filter's empty model, the comment-form
                    // secret made at start-up) takes the archived site's values: they are the site's.
                    overwrite(c, table.name(), columns, types, row);
                    continue;
                }
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    JsonNode value = row.get(column);
                    if (table.selfReferences().contains(column) && value != null && !value.isNull()) {
                        selfLinks.add(new String[] {column, row.path("id").asString(), value.asString(), String.valueOf(number)});
                        value = null;
                    }
                    try {
                        bind(insert, i + 1, types.get(column), value);
                    } catch (RuntimeException e) {
                        throw refused("line " + number + ": the " + column + " value " + value + " does not fit the column ("
                                + e.getMessage() + ")");
                    }
                }
                insert.addBatch();
                pending.add(new Pending(number, row));
                count++;
                if (pending.size() >= BATCH) {
                    write(insert, pending);
                }
            }
            if (insert != null && !pending.isEmpty()) {
                write(insert, pending);
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
        // Links within a table (a reply's parent) are set once every row of the table exists.
        for (String[] link : selfLinks) {
            try (PreparedStatement st = c.prepareStatement("UPDATE " + table.name() + " SET " + link[0] + " = ? WHERE id = ?")) {
                st.setLong(1, Long.parseLong(link[2]));
                st.setLong(2, Long.parseLong(link[1]));
                st.executeUpdate();
            } catch (SQLException e) {
                throw refused("line " + link[3] + ": " + table.name() + " " + link[1] + " refers to " + table.name() + " "
                        + link[2] + " (" + link[0] + "), which is not in the archive");
            }
        }
        return count;
    }

    private JsonNode parse(String line, int number) {
        try {
            return json.readTree(line);
        } catch (JacksonException e) {
            throw refused("line " + number + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Writes a batch. When it fails, the rows are looked at again from a savepoint before it (PostgreSQL accepts
     * no query after a failed statement in the transaction), to name the row that refers to a missing one.
     */
    private void write(PreparedStatement insert, List<Pending> pending) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            insert.executeBatch();
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            c.rollback(before);
            String missing = missingReference(pending);
            throw refused(missing != null ? missing : "the rows of lines " + pending.get(0).line() + "–"
                    + pending.get(pending.size() - 1).line() + " do not fit this database: " + reason(e));
        } finally {
            pending.clear();
        }
    }

    /** The first row of the batch that refers to a row the database does not have, described; or null. */
    private String missingReference(List<Pending> pending) throws SQLException {
        for (Pending p : pending) {
            for (Tables.Reference ref : table.references()) {
                JsonNode value = p.row().get(ref.column());
                if (value == null || value.isNull()) {
                    continue;
                }
                try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM " + ref.targetTable()
                        + " WHERE " + ref.targetColumn() + " = ?")) {
                    if (value.isIntegralNumber()) {
                        st.setLong(1, value.asLong());
                    } else {
                        st.setString(1, value.asString());
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next() && rs.getLong(1) == 0) {
                            return "line " + p.line() + ": " + table.name() + (p.row().has("id") ? " " + p.row().get("id").asString() : "")
                                    + " refers to " + ref.targetTable() + " " + value.asString() + " (" + ref.column()
                                    + "), which is not in the archive";
                        }
                    }
                }
            }
        }
        return null;
    }

    private BadRequestException refused(String what) {
        return new BadRequestException(archiveName + ": " + entry.getName() + " " + what + "; nothing was restored.");
    }

    /**
     * The database's reason in one line, without the SQL statement and the error code H2 appends to it
     * ({@code …; SQL statement: INSERT INTO … [23506-240]}).
     */
    static String reason(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int statement = message.indexOf("; SQL statement:");
        if (statement >= 0) {
            message = message.substring(0, statement);
        }
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }

    /** Sets an existing row, found by its id or name as {@link #exists} does, to the archived values. */
    private static void overwrite(Connection c, String table, List<String> columns, Map<String, Integer> types, JsonNode row)
            throws SQLException {
        String key = row.has("id") ? "id" : "name";
        List<String> set = columns.stream().filter(column -> !column.equals(key)).toList();
        if (set.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE " + table + " SET " + String.join(" = ?, ", set)
                + " = ? WHERE " + key + " = ?")) {
            for (int i = 0; i < set.size(); i++) {
                bind(st, i + 1, types.get(set.get(i)), row.get(set.get(i)));
            }
            bind(st, set.size() + 1, types.get(key), row.get(key));
            st.executeUpdate();
        }
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    /** For tables the migrations seed: is this row (by its id, or its name) there already? */
    private static boolean exists(Connection c, String table, JsonNode row) throws SQLException {
        String key = row.has("id") ? "id" : row.has("name") ? "name" : null;
        if (key == null) {
            return false;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?")) {
            if ("id".equals(key)) {
                st.setLong(1, row.get(key).asLong());
            } else {
                st.setString(1, row.get(key).asString());
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
            }
        }
        return out;
    }

    private static void bind(PreparedStatement st, int index, int type, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            st.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> st.setObject(index, OffsetDateTime.parse(value.asString()));
            case Types.DATE -> st.setObject(index, LocalDate.parse(value.asString()));
            case Types.BOOLEAN, Types.BIT -> st.setBoolean(index, value.asBoolean());
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> st.setLong(index, value.asLong());
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> st.setDouble(index, value.asDouble());
            case Types.NUMERIC, Types.DECIMAL -> st.setBigDecimal(index, new BigDecimal(value.asString()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    st.setBytes(index, Base64.getDecoder().decode(value.asString()));
            default -> st.setString(index, value.asString());
        }
    }

}
