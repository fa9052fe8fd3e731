package org.broadsheet.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.broadsheet.article.ArticleChanged;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.support.BadRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores an archive written by {@link SiteExporter} into an empty instance, in one transaction: either the
 * whole site arrives or nothing does. Rows keep their ids (links between tables and addresses stay as they
 * were); identity counters are moved past them afterwards. Rows that the new instance has already (the roles
 * and the spam filter's model its migrations seed, the comment-form secret it makes at start-up) take the
 * archive's values.
 */
@Service
class SiteRestorer {

    /** Tables whose rows make an instance "not empty". */
    private static final List<String> CONTENT = List.of("article", "author", "comment", "section", "tag", "media", "app_user");

    private final DataSource dataSource;
    private final MediaStorage storage;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    SiteRestorer(DataSource dataSource, MediaStorage storage, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
    }

    record Summary(Map<String, Long> rows, long mediaFiles, List<String> warnings) {
    }

    /** @throws BadRequestException when the instance has content already or the file is not an archive */
    Summary restore(Path file) throws IOException, SQLException {
        return restore(file, file.getFileName().toString());
    }

    /** @param archiveName what the archive is called in messages (a pipe's copy is restored under the pipe's name) */
    Summary restore(Path file, String archiveName) throws IOException, SQLException {
        try (ZipFile zip = openArchive(file, archiveName)) {
            ZipEntry manifestEntry = zip.getEntry("manifest.json");
            if (manifestEntry == null) {
                throw new BadRequestException(archiveName + " is not a Broadsheet archive: it has no manifest.json.");
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = json.readTree(in);
            }
            if (manifest.path("format").asInt(0) != SiteExporter.FORMAT) {
                throw new BadRequestException("This archive's format (" + manifest.path("format") + ") is not one this version reads.");
            }
            refuseIfNotEmpty();
            List<String> warnings = new ArrayList<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            tx.executeWithoutResult(status -> {
                Connection c = DataSourceUtils.getConnection(dataSource);
                try {
                    for (Tables.Table table : Tables.inDependencyOrder(c)) {
                        ZipEntry entry = zip.getEntry("tables/" + table.name() + ".jsonl");
                        if (entry == null) {
                            continue;
                        }
                        rows.put(table.name(), restoreTable(c, zip, entry, table, warnings));
                    }
                    for (JsonNode name : manifest.path("tables")) {
                        if (!rows.containsKey(name.asString())) {
                            warnings.add("table " + name.asString() + " is in the archive but not in this version's schema; skipped");
                        }
                    }
                    publishArticleChanges(c);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException("The restore stopped and nothing was kept: " + e.getMessage(), e);
                }
            });
            moveIdentitiesPastRestoredIds();
            long files = restoreMedia(zip);
            return new Summary(rows, files, warnings);
        }
    }

    /** The file as a zip archive; anything else is a message naming it, not the zip library's "END header not found". */
    private static ZipFile openArchive(Path file, String name) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new BadRequestException(name + " is not a Broadsheet archive: it is not a zip file ("
                    + e.getMessage() + "). Give the .zip file that the export command wrote.");
        }
    }

    private void refuseIfNotEmpty() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : CONTENT) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        throw new BadRequestException("This instance is not empty (" + table + " has " + rs.getLong(1)
                                + " rows). A backup restores only into a new, empty instance: point "
                                + "--broadsheet.data-dir or --spring.datasource.url at a new database.");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check that the instance is empty: " + e.getMessage(), e);
        }
    }

    private long restoreTable(Connection c, ZipFile zip, ZipEntry entry, Tables.Table table, List<String> warnings)
            throws SQLException, IOException {
        Map<String, Integer> types = columnTypes(c, table.name());
        boolean seeded = hasRows(c, table.name());
        List<String[]> selfLinks = new ArrayList<>();
        long count = 0;
        PreparedStatement insert = null;
        List<String> columns = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            String line;
            int pending = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
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
                        selfLinks.add(new String[] {column, row.path("id").asString(), value.asString()});
                        value = null;
                    }
                    bind(insert, i + 1, types.get(column), value);
                }
                insert.addBatch();
                count++;
                if (++pending >= 500) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (insert != null && pending > 0) {
                insert.executeBatch();
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
            }
        }
        return count;
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

    /** New rows must not collide with restored ids: each identity counter restarts after the largest id. */
    private void moveIdentitiesPastRestoredIds() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (Tables.Table table : Tables.inDependencyOrder(c)) {
                if (!table.identityId()) {
                    continue;
                }
                long max;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table.name())) {
                    rs.next();
                    max = rs.getLong(1);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + table.name() + " ALTER COLUMN id RESTART WITH " + (max + 1));
                }
            }
        }
    }

    private void publishArticleChanges(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, slug FROM article")) {
            while (rs.next()) {
                events.publishEvent(new ArticleChanged(rs.getLong(1), rs.getString(2)));
            }
        }
    }

    private long restoreMedia(ZipFile zip) throws IOException {
        long count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.isDirectory() || !e.getName().startsWith("media/")) {
                continue;
            }
            Path target = storage.resolve(e.getName().substring("media/".length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            count++;
        }
        return count;
    }
}
