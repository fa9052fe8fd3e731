package org.broadsheet.search;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits in tests for the index to catch up; the index is updated asynchronously from the change log. */
final class SearchIndexReady {

    private SearchIndexReady() {
    }

    static void await(SearchEngine engine) {
        until(engine::ready, "the search index to be built");
    }

    static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
