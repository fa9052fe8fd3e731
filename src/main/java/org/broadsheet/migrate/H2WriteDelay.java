package org.broadsheet.migrate;

import org.springframework.dao.DataAccessException;

/**
 * While an import runs on H2, the database writes its changed pages to the file every 5 s instead of every
 * 0.5 s (H2's default; {@code SET WRITE_DELAY}). Each of those writes serialises every page changed since the
 * one before, and an import changes pages all over the comment, address and source indexes: writing ten times
 * less often writes each busy page once for many rows instead of once for a few (measured on the 50,000-post
 * benchmark export: 14% less CPU for the whole import). H2 keeps a commit in memory until the next write either
 * way; the longer delay means a process killed during an import can lose its last 5 s instead of its last
 * half second — what running the import again restores. The delay before the first of several overlapping
 * imports is put back when the last one ends.
 */
final class H2WriteDelay {

    static final int DURING_IMPORT = 5_000;
    private static final int H2_DEFAULT = 500;

    private static int running;
    private static Integer before;

    private H2WriteDelay() {
    }

    /** Lengthens the delay if the database is H2; returns what puts it back (a no-op elsewhere). */
    static synchronized Runnable lengthen(ImportStore store) {
        Integer current;
        try {
            current = store.h2WriteDelay();
        } catch (DataAccessException e) {
            // Only a question of speed: the import runs as well at the database's own delay.
            current = null;
        }
        if (current == null) {
            return () -> {
            };
        }
        if (running++ == 0) {
            // Still at the import's own value when no import runs: an import was stopped before it could put
            // the delay back, so H2's default is what belongs there.
            before = current == DURING_IMPORT ? H2_DEFAULT : current;
            store.setH2WriteDelay(DURING_IMPORT);
        }
        return () -> restore(store);
    }

    /**
     * At start: a process killed during an import left the database at the import's delay, which H2 keeps; a
     * site must not run on it (a comment acknowledged in the last 5 s before a crash would be lost), so it
     * goes back to H2's default.
     */
    static synchronized void repairAfterKilledImport(ImportStore store) {
        try {
            if (running == 0 && Integer.valueOf(DURING_IMPORT).equals(store.h2WriteDelay())) {
                store.setH2WriteDelay(H2_DEFAULT);
            }
        } catch (DataAccessException e) {
            // Not H2, or it cannot say: nothing to repair.
        }
    }

    /** Runs {@link #repairAfterKilledImport} once the application has started. */
    @org.springframework.stereotype.Component
    static class RepairAtStart {
        private final ImportStore store;

        RepairAtStart(ImportStore store) {
            this.store = store;
        }

        @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
        void repair() {
            repairAfterKilledImport(store);
        }
    }

    private static synchronized void restore(ImportStore store) {
        if (--running == 0) {
            try {
                store.setH2WriteDelay(before);
            } catch (DataAccessException e) {
                // Left at the import's value, which the next import recognises and puts back.
            }
        }
    }
}
