package org.broadsheet.migrate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.broadsheet.media.MediaStorage;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole site to one zip archive: {@code manifest.json}, one {@code tables/NAME.jsonl} per table
 * (a JSON object per row, streamed, so that memory does not grow with the site) and the media files under
 * {@code media/}. Staff password hashes and secret-looking settings are left out unless asked for.
 */
@Service
class SiteExporter {

    static final int FORMAT = 1;
    private static final Pattern SECRET_SETTING = Pattern.compile("(?i).*(key|secret|password|token).*");

    private final DataSource dataSource;
    private final MediaStorage storage;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SiteExporter(DataSource dataSource, MediaStorage storage, Clock clock) {
        this.dataSource = dataSource;
        this.storage = storage;
        this.clock = clock;
    }

    /** What was written: rows per table and media files. */
    record Summary(Map<String, Long> rows, long mediaFiles) {
    }

    Summary export(Path file, boolean withSecrets) throws IOException, SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        long files = 0;
        try (OutputFile output = OutputFile.of(file)) {
            try (OutputStream out = new BufferedOutputStream(output.open());
                 ZipOutputStream zip = new ZipOutputStream(out);
                 Connection c = dataSource.getConnection()) {
                List<Tables.Table> tables = Tables.inDependencyOrder(c);
                for (Tables.Table table : tables) {
                    zip.putNextEntry(new ZipEntry("tables/" + table.name() + ".jsonl"));
                    rows.put(table.name(), writeTable(c, table.name(), zip, withSecrets));
                    zip.closeEntry();
                }
                files = writeMedia(zip);
                Map<String, Object> manifest = new LinkedHashMap<>();
                manifest.put("format", FORMAT);
                manifest.put("application", "broadsheet");
                manifest.put("exportedAt", OffsetDateTime.now(clock).toString());
                manifest.put("schemaVersion", schemaVersion(c));
                manifest.put("withSecrets", withSecrets);
                manifest.put("tables", tables.stream().map(Tables.Table::name).toList());
                manifest.put("rows", rows);
                manifest.put("mediaFiles", files);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            output.commit();
        }
        return new Summary(rows, files);
    }

    private long writeTable(Connection c, String table, OutputStream out, boolean withSecrets) throws SQLException, IOException {
        long count = 0;
        String order = hasId(c, table) ? " ORDER BY id" : "";
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table + order)) {
            st.setFetchSize(500);
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, md.getColumnType(i)));
                    }
                    if (!withSecrets && !keep(table, row)) {
                        continue;
                    }
                    out.write(json.writeValueAsBytes(row));
                    out.write('\n');
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Without --with-secrets: staff accounts lose their password hash; secret-looking settings of every settings
     * table (the site's, and the discussion's Akismet key and comment-form secret) stay home.
     */
    private static boolean keep(String table, Map<String, Object> row) {
        if ("app_user".equals(table)) {
            row.put("password_hash", null);
        }
        return !(table.endsWith("_setting") && SECRET_SETTING.matcher(String.valueOf(row.get("name"))).matches());
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.TIMESTAMP_WITH_TIMEZONE:
            case Types.TIMESTAMP: {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toString();
            }
            case Types.DATE:
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE: {
                Object v = rs.getObject(i);
                return v == null ? null : v.toString();
            }
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB: {
                byte[] b = rs.getBytes(i);
                return b == null ? null : Base64.getEncoder().encodeToString(b);
            }
            case Types.CLOB:
            case Types.NCLOB:
                return rs.getString(i);
            default:
                Object v = rs.getObject(i);
                return v instanceof java.math.BigDecimal d ? d.toPlainString() : v;
        }
    }

    private static boolean hasId(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet rs = st.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if ("id".equalsIgnoreCase(md.getColumnLabel(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String schemaVersion(Connection c) {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank DESC");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            return "";
        }
    }

    private long writeMedia(ZipOutputStream zip) throws IOException {
        Path root = storage.root();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(files::add);
        }
        for (Path p : files) {
            String key = root.relativize(p).toString().replace('\\', '/');
            zip.putNextEntry(new ZipEntry("media/" + key));
            try {
                Files.copy(p, zip);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read media file " + key, e);
            }
            zip.closeEntry();
        }
        return files.size();
    }
}
