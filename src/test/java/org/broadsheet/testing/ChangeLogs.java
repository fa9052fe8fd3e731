package org.broadsheet.testing;

import org.broadsheet.change.ChangeLog;

/** Test help for the change log, which every node (the test's too) follows on a thread of its own. */
public final class ChangeLogs {

    private ChangeLogs() {
    }

    /**
     * Waits (up to 10 s, then fails) until this node has followed the change log to its end: a change made just before comes
     * back through it and would otherwise empty the page cache in the middle of what a test checks next.
     */
    public static void settle(ChangeLog changeLog) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (changeLog.processedThrough() < changeLog.latestSeq()) {
            if (System.nanoTime() > deadline) {
                // Said, not passed over: a test that went on would fail later, far from the cause.
                throw new AssertionError("The change log was not followed to its end within 10 s: processed through "
                        + changeLog.processedThrough() + " of " + changeLog.latestSeq());
            }
            Thread.sleep(20);
        }
    }
}
