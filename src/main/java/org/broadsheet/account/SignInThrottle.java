package org.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.broadsheet.support.Rows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Each failed sign-in counts against the account (the email typed, whether
 * or not it exists, so the throttle reveals nothing) and against the address it came from. After a few free
 * attempts every further failure makes the next attempt wait twice as long, up to a quarter of an hour.
 * Counts live in the database so that every node of a cluster applies them.
 */
@Component
class SignInThrottle {

    static final int FREE_ATTEMPTS_PER_ACCOUNT = 5;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Entry(int failures, OffsetDateTime blockedUntil) {
    }

    /** How long the caller must still wait before trying this account from this address; zero when free. */
    Duration waitFor(String email, String address) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration longest = Duration.ZERO;
        for (String key : new String[] {accountKey(email), addressKey(address)}) {
            Optional<Entry> e = entry(key);
            if (e.isPresent() && e.get().blockedUntil() != null && e.get().blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, e.get().blockedUntil());
                if (left.compareTo(longest) > 0) {
                    longest = left;
                }
            }
        }
        return longest;
    }

    void failed(String email, String address) {
        record(accountKey(email), FREE_ATTEMPTS_PER_ACCOUNT);
        record(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS);
    }

    void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = :key").param("key", accountKey(email)).update();
    }

    /** The wait after the given number of failures: none for the free ones, then doubling. */
    static Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    private void record(String key, int free) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Entry> e = entry(key);
            int failures = e.map(Entry::failures).orElse(0) + 1;
            Duration delay = delayAfter(failures, free);
            OffsetDateTime blockedUntil = delay.isZero() ? null : now.plus(delay);
            if (e.isPresent()) {
                jdbc.sql("""
                        UPDATE sign_in_throttle SET failures = failures + 1, last_failure_at = :now, blocked_until = :until
                        WHERE throttle_key = :key""")
                        .param("now", now).param("until", blockedUntil).param("key", key).update();
                return;
            }
            try {
                jdbc.sql("INSERT INTO sign_in_throttle (throttle_key, failures, last_failure_at, blocked_until) VALUES (:key, 1, :now, :until)")
                        .param("key", key).param("now", now).param("until", blockedUntil).update();
                return;
            } catch (DuplicateKeyException raced) {
                // Another node recorded a failure for the same key at the same moment: count on top of it.
            }
        }
    }

    private Optional<Entry> entry(String key) {
        return jdbc.sql("SELECT failures, blocked_until FROM sign_in_throttle WHERE throttle_key = :key")
                .param("key", key).query(Rows.of(Entry.class)).optional();
    }

    static String accountKey(String email) {
        String key = "account:" + AccountService.normalise(email);
        // The column keeps 400 characters; an address typed longer than any account's is counted by its hash.
        return key.length() <= 400 ? key : "account-sha256:" + AccountTokens.hash(AccountService.normalise(email));
    }

    static String addressKey(String address) {
        return "ip:" + (address == null ? "" : address.toLowerCase(Locale.ROOT));
    }
}
