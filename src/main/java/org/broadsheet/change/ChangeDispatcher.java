package org.broadsheet.change;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.broadsheet.support.BroadsheetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * has been dispatched (or given up).
 */
@Component
class ChangeDispatcher implements SmartLifecycle {

    static final Duration GAP_TIMEOUT = Duration.ofMinutes(2);
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
    private Thread thread;

    ChangeDispatcher(ChangeLog changeLog, ApplicationEventPublisher events, BroadsheetProperties properties) {
        this.changeLog = changeLog;
        this.events = events;
        this.properties = properties;
    }

    void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        if (!properties.servingSite()) {
            return;
        }
        contiguous = changeLog.latestSeq();
        changeLog.markProcessed(contiguous);
        running = true;
        thread = new Thread(this::loop, "change-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
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

    /** Dispatches what is new; true when a full batch came back and more may be waiting. */
    synchronized boolean poll() {
        if (contiguous < 0) {
            contiguous = changeLog.latestSeq();
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

    private void dispatch(ContentChanged row) {
        seenAbove.put(row.seq(), System.nanoTime());
        try {
            events.publishEvent(row);
        } catch (RuntimeException e) {
            log.error("A listener failed on change {} ({} {} {})", row.seq(), row.entity(), row.entityId(), row.action(), e);
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
