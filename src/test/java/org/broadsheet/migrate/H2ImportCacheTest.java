package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The import's larger H2 cache: on a database file only, and only until the last running import ends. */
class H2ImportCacheTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileGetsTheLargerCacheUntilTheLastImportEnds() {
        SingleConnectionDataSource file = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("db"), "sa", "", true);
        try {
            ImportStore store = storeOn(file);
            Integer before = store.h2CacheSize();
            assertThat(before).isPositive().isLessThan(H2ImportCache.DURING_IMPORT_KB);

            Runnable first = H2ImportCache.enlarge(store);
            assertThat(store.h2CacheSize()).isEqualTo(H2ImportCache.DURING_IMPORT_KB);
            Runnable second = H2ImportCache.enlarge(store);
            first.run();
            assertThat(store.h2CacheSize()).as("another import still runs").isEqualTo(H2ImportCache.DURING_IMPORT_KB);
            second.run();
            assertThat(store.h2CacheSize()).isEqualTo(before);
            // Set on the engine, not stored in the database: nothing for a killed import to leave behind.
            assertThat(JdbcClient.create(file).sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'")
                    .query(Long.class).single()).isZero();
        } finally {
            file.destroy();
        }
    }

    @Test
    void anInMemoryDatabaseIsLeftAsItIs() {
        SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:h2:mem:cache-test", "sa", "", true);
        try {
            ImportStore store = storeOn(memory);
            assertThat(store.h2CacheSize()).isNull();
            H2ImportCache.enlarge(store).run();
            assertThat(store.h2CacheSize()).isNull();
        } finally {
            memory.destroy();
        }
    }

    private static ImportStore storeOn(SingleConnectionDataSource ds) {
        return new ImportStore(JdbcClient.create(ds), new JdbcTemplate(ds), null, null);
    }
}
