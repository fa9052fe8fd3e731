package org.broadsheet.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an import did, kept up to date while it runs so that the terminal and the newsroom can show
 * progress: counts per kind, bytes read, warnings, and at the end whether it finished or why it stopped.
 */
final class ImportReport {

    static final int MAX_WARNINGS = 500;

    /** WAITING: uploaded in the newsroom while another import runs; it starts when that one ends. */
    enum State { WAITING, RUNNING, FINISHED, FAILED }

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> skippedTypes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> unknownShortcodes = new ConcurrentHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AtomicLong warningCount = new AtomicLong();
    private volatile long startedNanos = System.nanoTime();
    private volatile long finishedNanos;
    private volatile long bytesRead;
    private final long totalBytes;
    private volatile State state = State.RUNNING;
    private volatile String failure = "";

    ImportReport(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    void tally(String kind) {
        add(kind, 1);
    }

    void add(String kind, long n) {
        counts.computeIfAbsent(kind, k -> new AtomicLong()).addAndGet(n);
    }

    long count(String kind) {
        AtomicLong n = counts.get(kind);
        return n == null ? 0 : n.get();
    }

    void skipped(String postType) {
        skippedTypes.computeIfAbsent(postType.isBlank() ? "(none)" : postType, k -> new AtomicLong()).incrementAndGet();
    }

    void unknownShortcode(String name) {
        unknownShortcodes.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    synchronized void warn(String warning) {
        warningCount.incrementAndGet();
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        }
    }

    /** Something the import did besides counting, said once in the summary ("site title set to …"). */
    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    long warningCount() {
        return warningCount.get();
    }

    void bytesRead(long bytes) {
        this.bytesRead = bytes;
    }

    long bytesRead() {
        return bytesRead;
    }

    long totalBytes() {
        return totalBytes;
    }

    /** Marks an import that must wait for another to end; its clock starts at {@link #begin()}. */
    void waitInLine() {
        state = State.WAITING;
    }

    /** Starts a waiting import's clock: its speed and time left count from here, not from the upload. */
    void begin() {
        if (state == State.WAITING) {
            startedNanos = System.nanoTime();
            state = State.RUNNING;
        }
    }

    void finish() {
        finishedNanos = System.nanoTime();
        state = State.FINISHED;
    }

    void fail(String message) {
        finishedNanos = System.nanoTime();
        failure = message;
        state = State.FAILED;
    }

    State state() {
        return state;
    }

    String failure() {
        return failure;
    }

    double seconds() {
        long end = finishedNanos == 0 ? System.nanoTime() : finishedNanos;
        return Math.max(1e-3, (end - startedNanos) / 1e9);
    }

    /** Items (posts, pages, attachments, skipped items) handled so far. */
    long items() {
        return count("posts") + count("pages") + count("attachments") + count("skipped items");
    }

    /** Seconds left, estimated from the share of the file read so far; -1 when unknown. */
    long etaSeconds() {
        if (totalBytes <= 0 || bytesRead <= 0 || state != State.RUNNING) {
            return -1;
        }
        double rate = bytesRead / seconds();
        return Math.round((totalBytes - bytesRead) / rate);
    }

    int percent() {
        if (totalBytes <= 0) {
            return state == State.RUNNING ? 0 : 100;
        }
        return (int) Math.min(100, bytesRead * 100 / totalBytes);
    }

    /** Counts in a stable order for display. */
    Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    Map<String, Long> skippedTypes() {
        Map<String, Long> out = new TreeMap<>();
        skippedTypes.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    Map<String, Long> unknownShortcodes() {
        Map<String, Long> out = new TreeMap<>();
        unknownShortcodes.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The summary printed at the end of the command and shown on the progress page. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(switch (state) {
            case WAITING -> "Import waiting for the one before it to end";
            case RUNNING -> "Import running";
            case FINISHED -> "Import finished";
            case FAILED -> "Import stopped";
        } + String.format(" after %.1f s.", seconds()));
        if (state == State.FAILED) {
            lines.add(failure);
            lines.add("Imported so far (committed; running the import again continues by updating):");
        }
        counts().forEach((k, v) -> lines.add(String.format("  %-26s %,d", k, v)));
        if (counts.isEmpty()) {
            lines.add("  nothing");
        }
        notes().forEach(n -> lines.add("  " + n));
        if (!skippedTypes.isEmpty()) {
            lines.add("Not imported (item types Broadsheet has no place for):");
            skippedTypes().forEach((k, v) -> lines.add(String.format("  %-22s %,d", k, v)));
        }
        if (!unknownShortcodes.isEmpty()) {
            lines.add("Unknown shortcodes, kept as text in the articles (name: articles):");
            unknownShortcodes().forEach((k, v) -> lines.add(String.format("  [%s]: %,d", k, v)));
        }
        if (warningCount() > 0) {
            lines.add("Warnings (" + warningCount() + "):");
            warnings().forEach(w -> lines.add("  " + w));
            if (warningCount() > MAX_WARNINGS) {
                lines.add("  … and " + (warningCount() - MAX_WARNINGS) + " more");
            }
        }
        return lines;
    }
}
