package org.broadsheet.account;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table: messages queued by actions, claimed and marked by {@link MailDelivery}. Times
 * are cut to whole microseconds before they are written: both databases keep six digits and round the rest, so
 * a message queued at a nanosecond instant could otherwise be stored a microsecond later than "now" and not be
 * due when a delivery asks at that same instant.
 */
@Repository
class MailOutbox {

    record Message(long id, String recipient, String subject, String body, int attempts, OffsetDateTime nextAttemptAt) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String recipient, String subject, String body, OffsetDateTime at) {
        jdbc.sql("INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) VALUES (:r, :s, :b, :at, :at)")
                .param("r", recipient).param("s", subject).param("b", body).param("at", stored(at)).update();
    }

    List<Message> due(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT id, recipient, subject, body, attempts, next_attempt_at FROM mail_outbox"
                        + " WHERE sent_at IS NULL AND next_attempt_at <= :now ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
                .param("now", stored(now)).query(Rows.of(Message.class)).list();
    }

    /**
     * Takes the message for one delivery attempt, unless another node took it first: the update only matches
     * while the message is as this node read it. Until {@code leaseUntil} nobody else tries it, so a node that
     * dies mid-attempt delays the message rather than losing it.
     */
    boolean claim(Message m, OffsetDateTime leaseUntil) {
        return jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :lease"
                        + " WHERE id = :id AND sent_at IS NULL AND attempts = :attempts AND next_attempt_at = :seen")
                .param("lease", stored(leaseUntil)).param("id", m.id()).param("attempts", m.attempts()).param("seen", m.nextAttemptAt())
                .update() == 1;
    }

    void sent(long id, OffsetDateTime at) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = :at, next_attempt_at = NULL, last_error = NULL WHERE id = :id")
                .param("at", stored(at)).param("id", id).update();
    }

    /** @param retryAt null to give up */
    void failed(long id, OffsetDateTime retryAt, String error) {
        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = :next, last_error = :e WHERE id = :id")
                .param("next", retryAt == null ? null : stored(retryAt)).param("e", error.length() > 1000 ? error.substring(0, 1000) : error).param("id", id).update();
    }

    int eraseSentBefore(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE sent_at < :before").param("before", stored(before)).update();
    }

    private static OffsetDateTime stored(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
