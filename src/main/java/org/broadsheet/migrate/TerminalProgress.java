package org.broadsheet.migrate;

import java.io.PrintStream;

/**
 * A progress line for the terminal: share of the file read, items, items per second and time left.
 * Redrawn in place on a console; written as a line every few seconds when output goes to a file.
 */
final class TerminalProgress {

    private final PrintStream out;
    private final boolean console;
    private long lastPrinted;

    TerminalProgress(PrintStream out, boolean console) {
        this.out = out;
        this.console = console;
    }

    void update(ImportReport report, boolean last) {
        long now = System.nanoTime();
        long interval = console ? 200_000_000L : 5_000_000_000L;
        if (!last && now - lastPrinted < interval) {
            return;
        }
        lastPrinted = now;
        String line = line(report);
        if (console) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String line(ImportReport report) {
        long items = report.items();
        double rate = items / report.seconds();
        long eta = report.etaSeconds();
        return String.format("%s  %,d items  %,.0f items/s  %,d comments  ETA %s", share(report), items, rate,
                report.count("comments"), eta < 0 ? "--:--" : String.format("%d:%02d", eta / 60, eta % 60));
    }

    /** A bar and the share of the file read; for a pipe, whose size is not known in advance, how much was read. */
    private static String share(ImportReport report) {
        int width = 24;
        if (report.totalBytes() <= 0) {
            return String.format("[%" + width + "s]", String.format("%,d MB read", report.bytesRead() >> 20));
        }
        int percent = report.percent();
        int filled = percent * width / 100;
        return String.format("[%s%s] %3d%%", "#".repeat(filled), ".".repeat(width - filled), percent);
    }
}
