package org.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: woken as soon as an action that queued mail commits, and every minute for retries.
 * Runs on its own thread, so a slow or absent mail server never holds up the request that sent the mail. Any
 * node may deliver; {@link MailOutbox#claim} makes sure one node tries a message at a time. Without
 * {@code spring.mail.host} there is no mail server and messages are written to the log instead, so that a
 * single-person installation still sees its invitation links.
 */
@Component
class MailDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** Pauses after failed attempts: 1, 2, 4 … minutes, at most six hours; given up after {@link #MAX_ATTEMPTS}. */
    static final int MAX_ATTEMPTS = 10;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration KEEP_SENT = Duration.ofDays(30);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    MailDelivery(MailOutbox outbox, ObjectProvider<JavaMailSender> sender, Clock clock,
                 @Value("${broadsheet.mail-from:newsroom@localhost}") String from) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    /** Delivers what is due soon, on the delivery thread; several calls before it runs make one pass. */
    void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            thread.execute(() -> {
                wakeUpPending.set(false);
                deliverDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${broadsheet.mail.retry-interval:PT1M}", initialDelayString = "${broadsheet.mail.retry-interval:PT1M}")
    void onSchedule() {
        wakeUp();
    }

    /** One pass over the due messages; returns how many were delivered (or logged). */
    synchronized int deliverDue() {
        int delivered = 0;
        try {
            List<MailOutbox.Message> due;
            do {
                OffsetDateTime now = OffsetDateTime.now(clock);
                due = outbox.due(now, 50);
                for (MailOutbox.Message m : due) {
                    if (outbox.claim(m, now.plus(LEASE)) && attempt(m)) {
                        delivered++;
                    }
                }
            } while (due.size() == 50);
            outbox.eraseSentBefore(OffsetDateTime.now(clock).minus(KEEP_SENT));
        } catch (RuntimeException e) {
            // The database is away: the messages stay queued for the next pass.
            log.warn("Mail delivery pass stopped: {}", e.getMessage());
        }
        return delivered;
    }

    private boolean attempt(MailOutbox.Message m) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.info("No mail server configured (spring.mail.host); message to {}:\n{}\n{}", m.recipient(), m.subject(), m.body());
            outbox.sent(m.id(), now);
            return true;
        }
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(m.recipient());
            message.setSubject(m.subject());
            message.setText(m.body());
            mail.send(message);
            outbox.sent(m.id(), now);
            return true;
        } catch (MailException e) {
            int attempts = m.attempts() + 1;
            if (attempts >= MAX_ATTEMPTS) {
                log.error("Gave up sending \"{}\" to {} after {} attempts: {}", m.subject(), m.recipient(), attempts, e.getMessage());
                outbox.failed(m.id(), null, e.getMessage() == null ? e.toString() : e.getMessage());
            } else {
                log.warn("Could not send \"{}\" to {} (attempt {}), will retry: {}", m.subject(), m.recipient(), attempts, e.getMessage());
                outbox.failed(m.id(), now.plus(pauseAfter(attempts)), e.getMessage() == null ? e.toString() : e.getMessage());
            }
            return false;
        }
    }

    static Duration pauseAfter(int attempts) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
