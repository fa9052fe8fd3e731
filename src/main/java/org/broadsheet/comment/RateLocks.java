package org.broadsheet.comment;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes counting a sender's recent comments and storing the new one a single step for each network address and
 * each email address, on every node that shares the database, so that a burst of parallel posts cannot all pass
 * the hourly limit before any of them is stored. Addresses share {@value #STRIPES} stripes by hash (two senders
 * may wait for each other for the few milliseconds of an insert; no sender ever gets past the limit).
 *
 * <p>A stripe is a row of {@code comment_rate_lock} (migration V48 makes rows 0 to 63), locked with
 * {@code SELECT … FOR UPDATE} inside the transaction that counts and inserts: the row lock lasts until that
 * transaction commits, so the next post of the same sender, on whichever node, counts only once the insert
 * before it can be seen. That needs each statement to see what committed before it started, which READ COMMITTED
 * (the default of PostgreSQL and H2, and set here so that it cannot change underneath) gives: a count that
 * follows a wait for the lock sees the row of the transaction waited for. In front of the rows each node also
 * keeps a lock in memory per stripe, so that a node's own posts queue in memory rather than each holding a
 * database connection while it waits for a row (and H2's lock timeout is never reached on one node).
 *
 * <p>Why this cannot deadlock: every post takes at most two stripes (one per limit that is on), always the lower
 * number first, and always the memory lock of a stripe before its row; the row locks are the transaction's first
 * statements, so it holds no other lock while it waits for them. After them it only reads and inserts the comment
 * and its change-log row. The one insert it could wait for is another post's comment with the same idempotency key
 * (a double submission, which may hold other stripes or none); that post has already inserted its comment, so it
 * waits for nothing more than its own change-log row, which conflicts with no one, and commits. No other code locks
 * these rows. Waits therefore always point from a lower stripe to a higher one, or at a transaction that waits for
 * nothing, and such waits cannot form a circle.
 */
@Component
class RateLocks {

    /** As many as {@code comment_rate_lock} has rows. */
    static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RateLocks(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Runs {@code work} in a transaction of its own that first locks the stripes of the given addresses, in memory
     * and in the database, and commits before they are let go. Pass only the addresses whose limit is on: a post
     * that no limit counts (staff, or both limits off) runs without waiting for anyone. Keep the work to the count
     * and the insert: everyone posting from an address of the same stripe waits for it.
     */
    <T> T holding(Collection<String> addresses, Supplier<T> work) {
        int[] held = addresses.stream().mapToInt(RateLocks::stripe).sorted().distinct().toArray();
        return lockingFrom(held, 0, work);
    }

    /** Takes the memory locks from {@code held[next]} on, lowest first, then the rows in one transaction. */
    private <T> T lockingFrom(int[] held, int next, Supplier<T> work) {
        if (next == held.length) {
            return transactions.execute(tx -> {
                for (int stripe : held) {
                    lockRow(stripe);
                }
                return work.get();
            });
        }
        stripes[held[next]].lock();
        try {
            return lockingFrom(held, next + 1, work);
        } finally {
            stripes[held[next]].unlock();
        }
    }

    private void lockRow(int stripe) {
        // One row a statement, so that the order in which they are locked is this code's, not the database's plan.
        if (jdbc.sql("SELECT id FROM comment_rate_lock WHERE id = :id FOR UPDATE").param("id", stripe)
                .query(Integer.class).optional().isEmpty()) {
            throw new IllegalStateException("comment_rate_lock has no row " + stripe + " (its migration, V48, makes rows 0 to "
                    + (STRIPES - 1) + "): the comment limit could not be held");
        }
    }

    static int stripe(String key) {
        return Math.floorMod(key == null ? 0 : key.hashCode(), STRIPES);
    }
}
