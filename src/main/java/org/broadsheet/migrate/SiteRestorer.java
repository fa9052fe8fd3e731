package org.broadsheet.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
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

/**
 * Restores an archive written by {@link SiteExporter} into an empty instance, in one transaction: either the
 * whole site arrives or nothing does. The media files are unpacked and checked before the first row is written
 * and moved into the media folder as the transaction's last step ({@link StagedMedia}), so a damaged archive
 * leaves the instance empty, ready for another try. Rows keep their ids (links between tables and addresses stay as they
 * were); identity counters are moved past them in the same transaction. Rows that the new instance has already (the roles
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

    /**
     * @param archiveName what the archive is called in messages (a pipe's copy is restored under the pipe's name)
     * @throws BadRequestException naming what in the archive cannot be restored; nothing was restored then
     */
    Summary restore(Path file, String archiveName) throws IOException, SQLException {
        try (BackupArchive archive = BackupArchive.open(file, archiveName)) {
            ZipFile zip = archive.zip();
            JsonNode manifest = archive.manifest();
            refuseIfNotEmpty();
            List<String> warnings = new ArrayList<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            try (StagedMedia media = StagedMedia.unpack(zip, storage, archiveName)) {
                tx.executeWithoutResult(status -> {
                    Connection c = DataSourceUtils.getConnection(dataSource);
                    try {
                        List<Tables.Table> tables = Tables.inDependencyOrder(c);
                        for (Tables.Table table : tables) {
                            ZipEntry entry = zip.getEntry("tables/" + table.name() + ".jsonl");
                            if (entry == null) {
                                continue;
                            }
                            rows.put(table.name(), new TableRestore(c, archiveName, entry, table).restore(zip, warnings));
                        }
                        for (JsonNode name : manifest.path("tables")) {
                            if (!rows.containsKey(name.asString())) {
                                warnings.add("table " + name.asString() + " is in the archive but not in this version's schema; skipped");
                            }
                        }
                        moveIdentitiesPastRestoredIds(c, tables, archiveName);
                        publishArticleChanges(c);
                        // Last, so that a file that cannot be moved rolls the rows back.
                        media.moveIntoPlace();
                    } catch (SQLException e) {
                        throw new BadRequestException(archiveName + ": " + TableRestore.reason(e) + "; nothing was restored.");
                    } catch (IOException e) {
                        throw new BadRequestException(archiveName + " could not be restored: " + e.getMessage()
                                + "; nothing was restored.");
                    }
                });
                media.keep();
                return new Summary(rows, media.count(), warnings);
            }
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

    /**
     * New rows must not collide with restored ids: each identity counter restarts after the largest id. Inside the
     * restore's transaction, so that a counter that cannot be moved rolls the rows back instead of leaving a site
     * whose next article or comment would take a restored row's id. PostgreSQL undoes the restart with the
     * transaction; H2 applies it at once without committing the rows, and keeps it when they roll back, which only
     * leaves unused ids in an instance that is still empty.
     */
    private static void moveIdentitiesPastRestoredIds(Connection c, List<Tables.Table> tables, String archiveName)
            throws SQLException {
        for (Tables.Table table : tables) {
            if (!table.identityId()) {
                continue;
            }
            long max;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table.name())) {
                rs.next();
                max = rs.getLong(1);
            }
            if (max == Long.MAX_VALUE) {
                throw new BadRequestException(archiveName + ": tables/" + table.name() + ".jsonl has a row with the id "
                        + max + ", the largest there is, so no id would be left for a new " + table.name()
                        + "; nothing was restored.");
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table.name() + " ALTER COLUMN id RESTART WITH " + (max + 1));
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
}
