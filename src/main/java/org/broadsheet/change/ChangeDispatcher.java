package org.broadsheet.change;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.broadsheet.support.BroadsheetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the change log on this node and publishes a {@link ContentChanged} event for every row it has not
 * seen, whichever node wrote it. It polls every second and is woken at once after a local commit or, on
 * PostgreSQL, by NOTIFY from another node.
 * <p>
 * Sequence numbers are handed out when a row is inserted, not when it commits, so a row with a lower number
 * can appear after a higher one. The dispatcher therefore remembers the rows it has seen above the first
 * gap and keeps looking into the gap; a gap still open after {@link #GAP_TIMEOUT} is a rolled-back
 * transaction and is given up. {@link ChangeLog#processedThrough()} is the number up to which every row
 * has been dispatched (or given up). The same holds at start, among the newest rows: a transaction on another
 * node that began before this one started may still commit a row below the newest one.
 */
@Component
class ChangeDispatcher implements SmartLifecycle {

    static final Duration GAP_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Pauses before a change whose listener failed is dispatched again. The listeners only drop copies and
     * re-read (page cache, search index, sitemaps), so a second delivery is harmless, and a failure is most
     * often a passing one: on H2, a query that meets an index being built (an import in the newsroom rebuilds
     * its deferred indexes while the server runs) fails with a "ConcurrentModificationException" inside H2.
     */
    static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2));
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(ChangeDispatcher.class);

    private final ChangeLog changeLog;
    private final ApplicationEventPublisher events;
    private final BroadsheetProperties properties;
    private final Semaphore wake = new Semaphore(0);
    /** Rows seen above {@link #contiguous}: seq → when first seen (nanoTime). */
    private final TreeMap<Long, Long> seenAbove = new TreeMap<>();
    private long contiguous = -1;
    private volatile boolean running;
    private final List<Duration> retryPauses;
    private Thread thread;

    @Autowired
    ChangeDispatcher(ChangeLog changeLog, ApplicationEventPublisher events, BroadsheetProperties properties) {
        this(changeLog, events, properties, RETRY_PAUSES);
    }

    ChangeDispatcher(ChangeLog changeLog, ApplicationEventPublisher events, BroadsheetProperties properties,
                     List<Duration> retryPauses) {
        this.changeLog = changeLog;
        this.events = events;
        this.properties = properties;
        this.retryPauses = retryPauses;
    }

    void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        if (!properties.servingSite()) {
            return;
        }
        if (contiguous < 0) {
            startAfterExisting();
        } else {
            // Started again after a stop in the same context (Spring pauses the contexts a test run keeps aside,
            // stopping their lifecycle beans): this node's page cache and search index still hold what they held
            // then, so what was written meanwhile is dispatched — an article deleted just before the pause stayed
            // searchable while those rows were skipped — and before start returns, so that whoever resumes the
            // context does not see those changes arrive in the middle of what it does next.
            catchUp();
        }
        changeLog.markProcessed(contiguous);
        running = true;
        thread = new Thread(this::loop, "change-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Wakes the loop rather than interrupting it, so that a batch being dispatched is finished: an interrupt that
     * lands while a listener writes the search index closes Lucene's file channel under it
     * ({@code ClosedByInterruptException}) and that change is lost to the index until the next start replays it.
     * Only a dispatch still running after 5 s is interrupted.
     */
    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            wake.release();
            try {
                thread.join(5000);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                more = poll();
            } catch (RuntimeException e) {
                log.warn("Could not read the change log; trying again in a second: {}", e.getMessage());
            }
            if (!more) {
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void catchUp() {
        try {
            while (poll()) {
                // full batches: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("Could not read the change log; the dispatcher's thread will go on: {}", e.getMessage());
        }
    }

    /** Dispatches what is new; true when a full batch came back and more may be waiting. */
    synchronized boolean poll() {
        if (contiguous < 0) {
            startAfterExisting();
        }
        if (!seenAbove.isEmpty()) {
            long last = seenAbove.lastKey();
            for (ContentChanged row : changeLog.after(contiguous, BATCH)) {
                if (row.seq() < last && !seenAbove.containsKey(row.seq())) {
                    dispatch(row);
                }
            }
        }
        long from = seenAbove.isEmpty() ? contiguous : Math.max(contiguous, seenAbove.lastKey());
        List<ContentChanged> rows = changeLog.after(from, BATCH);
        for (ContentChanged row : rows) {
            dispatch(row);
        }
        advance();
        changeLog.markProcessed(contiguous);
        return rows.size() == BATCH;
    }

    /**
     * Skips the rows that exist now (at start the caches are empty and the search index replays its own), but
     * treats the newest of them as seen rather than passed: a lower-numbered row that commits later (its
     * transaction began before this node started; on another node, or an import's) is still dispatched, as a
     * row that fills a gap is. Without that, the change it records (an article deleted, unpublished) would
     * never reach this node's search index or page cache.
     */
    private void startAfterExisting() {
        long latest = changeLog.latestSeq();
        // Only the rows up to latest: one committed since would be skipped, not dispatched.
        List<ContentChanged> newest = changeLog.after(Math.max(0, latest - BATCH), BATCH).stream()
                .filter(row -> row.seq() <= latest).toList();
        // Gaps are looked into between these rows only, not below the oldest (rows deleted as too old).
        contiguous = newest.isEmpty() ? latest : newest.get(0).seq() - 1;
        long now = System.nanoTime();
        newest.forEach(row -> seenAbove.put(row.seq(), now));
        advance();
    }

    private void dispatch(ContentChanged row) {
        seenAbove.put(row.seq(), System.nanoTime());
        for (int attempt = 0; ; attempt++) {
            try {
                events.publishEvent(row);
                return;
            } catch (RuntimeException | Error e) {
                // An Error too (a page too deeply nested to render overflows the stack): thrown out of here it
                // would end this thread, and this node would follow no change again until it restarts.
                if (attempt == retryPauses.size() || !pause(retryPauses.get(attempt))) {
                    log.error("A listener failed on change {} ({} {} {})", row.seq(), row.entity(), row.entityId(),
                            row.action(), e);
                    return;
                }
                log.debug("A listener failed on change {}; trying again: {}", row.seq(), e.getMessage());
            }
        }
    }

    /** False when interrupted (the server is stopping): the change is then given up as failed. */
    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void advance() {
        long now = System.nanoTime();
        while (!seenAbove.isEmpty()) {
            var lowest = seenAbove.firstEntry();
            if (lowest.getKey() == contiguous + 1 || now - lowest.getValue() > GAP_TIMEOUT.toNanos()) {
                contiguous = lowest.getKey();
                seenAbove.remove(lowest.getKey());
            } else {
                break;
            }
        }
    }

    @Override
    public int getPhase() {
        // After the web server and other beans are up, so listeners find everything ready.
        return Integer.MAX_VALUE - 100;
    }
}
