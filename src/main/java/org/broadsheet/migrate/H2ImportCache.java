package org.broadsheet.migrate;

import org.springframework.dao.DataAccessException;

/**
 * While an import runs on an H2 file, the database keeps up to 128 MB of pages in memory instead of its
 * default 16 MB. An import inserts all over the comment, address and source indexes; with the default cache
 * their pages were evicted and read back from the file again and again (8% of the import's CPU on the
 * 50,000-post benchmark export went to reading pages it had written shortly before). Only with a heap of at
 * least 512 MB, where 128 MB is at most a quarter of it. The size is
 * set on the running engine, not stored in the database, so a killed import leaves nothing behind; the size
 * before the first of several overlapping imports is put back when the last one ends.
 */
final class H2ImportCache {

    static final int DURING_IMPORT_KB = 128 * 1024;
    private static final long SMALLEST_HEAP = 512L * 1024 * 1024;

    private static int running;
    private static Integer before;

    private H2ImportCache() {
    }

    /** Enlarges the cache if the database is H2 in this process and the heap allows; returns what puts it back. */
    static synchronized Runnable enlarge(ImportStore store) {
        if (running == 0) {
            Integer current;
            try {
                current = Runtime.getRuntime().maxMemory() < SMALLEST_HEAP ? null : store.h2CacheSize();
            } catch (DataAccessException | LinkageError e) {
                // Only a question of speed: the import runs as well with the database's own cache.
                current = null;
            }
            if (current == null || current >= DURING_IMPORT_KB) {
                return () -> {
                };
            }
            before = current;
            store.setH2CacheSize(DURING_IMPORT_KB);
        }
        running++;
        return () -> restore(store);
    }

    private static synchronized void restore(ImportStore store) {
        if (--running == 0) {
            try {
                store.setH2CacheSize(before);
            } catch (DataAccessException e) {
                // The engine keeps the import's size until the database closes: more memory, nothing lost.
            }
        }
    }
}
