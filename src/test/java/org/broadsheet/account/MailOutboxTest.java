package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.broadsheet.testing.MutableClock;
import org.broadsheet.testing.MutableClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: mail queued with the action that sends it, delivered once, retried while the server refuses it,
 * given up after a limit. Delivery here is driven by the test (a delivery of its own with a scripted mail
 * server); the application's own delivery runs only on its hourly schedule in this context.
 */
@SpringBootTest(properties = "broadsheet.mail.retry-interval=PT1H")
@Import(MutableClockConfig.class)
class MailOutboxTest {

    @Autowired
    MailOutbox outbox;
    @Autowired
    StaffMail staffMail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;

    /** A mail server that refuses the first {@code refusals} messages to one address and records what it takes. */
    static final class ScriptedServer extends JavaMailSenderImpl {
        final String refusedTo;
        int refusals;
        final List<SimpleMailMessage> accepted = new ArrayList<>();

        ScriptedServer(String refusedTo, int refusals) {
            this.refusedTo = refusedTo;
            this.refusals = refusals;
        }

        @Override
        public void send(SimpleMailMessage message) {
            if (List.of(message.getTo()).contains(refusedTo) && refusals-- > 0) {
                throw new MailSendException("451 try again later");
            }
            accepted.add(message);
        }
    }

    MailDelivery deliveryTo(JavaMailSender server) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", server));
        ObjectProvider<JavaMailSender> provider = beans.getBeanProvider(JavaMailSender.class);
        return new MailDelivery(outbox, provider, clock, "newsroom@test.example");
    }

    static List<SimpleMailMessage> acceptedFor(ScriptedServer server, String to) {
        return server.accepted.stream().filter(m -> List.of(m.getTo()).contains(to)).toList();
    }

    Map<String, Object> row(String recipient) {
        return jdbc.sql("SELECT attempts, next_attempt_at, sent_at, last_error FROM mail_outbox WHERE recipient = :r")
                .param("r", recipient).query().singleRow();
    }

    @Test
    void aRefusedMessageIsRetriedAfterAPauseAndDeliveredOnce() {
        String to = "retry" + System.nanoTime() + "@test.example";
        outbox.add(to, "For review: a piece", "Open it in the newsroom.", OffsetDateTime.now(clock));
        ScriptedServer server = new ScriptedServer(to, 1);
        MailDelivery delivery = deliveryTo(server);

        delivery.deliverDue();
        assertThat(row(to).get("ATTEMPTS")).isEqualTo(1);
        assertThat((String) row(to).get("LAST_ERROR")).contains("451");
        assertThat(row(to).get("SENT_AT")).isNull();
        delivery.deliverDue();
        assertThat(row(to).get("ATTEMPTS")).as("not tried again before its pause is over").isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        delivery.deliverDue();
        assertThat(acceptedFor(server, to)).extracting(SimpleMailMessage::getSubject).containsExactly("For review: a piece");
        assertThat(row(to).get("SENT_AT")).isNotNull();

        clock.advance(Duration.ofHours(1));
        delivery.deliverDue();
        assertThat(acceptedFor(server, to)).as("delivered once").hasSize(1);
    }

    @Test
    void aMessageTheServerNeverTakesIsGivenUpWithItsErrorKept() {
        String to = "never" + System.nanoTime() + "@test.example";
        outbox.add(to, "Reset your newsroom password", "A link.", OffsetDateTime.now(clock));
        ScriptedServer server = new ScriptedServer(to, Integer.MAX_VALUE);
        MailDelivery delivery = deliveryTo(server);
        for (int i = 0; i < MailDelivery.MAX_ATTEMPTS + 3; i++) {
            delivery.deliverDue();
            clock.advance(Duration.ofHours(7));
        }
        Map<String, Object> row = row(to);
        assertThat(row.get("ATTEMPTS")).isEqualTo(MailDelivery.MAX_ATTEMPTS);
        assertThat(row.get("NEXT_ATTEMPT_AT")).isNull();
        assertThat(row.get("SENT_AT")).isNull();
        assertThat((String) row.get("LAST_ERROR")).contains("451");
    }

    @Test
    void twoNodesReadingTheSameMessageTryItOnce() {
        // An instant the databases round up to the next microsecond: queued "now", it must be due "now".
        clock.set(java.time.Instant.parse("2026-11-25T10:00:00.123456789Z"));
        String to = "claim" + System.nanoTime() + "@test.example";
        outbox.add(to, "Comment awaiting moderation", "Text.", OffsetDateTime.now(clock));
        MailOutbox.Message seen = outbox.due(OffsetDateTime.now(clock), 1000).stream()
                .filter(m -> m.recipient().equals(to)).findFirst().orElseThrow();
        OffsetDateTime lease = OffsetDateTime.now(clock).plusMinutes(10);
        assertThat(outbox.claim(seen, lease)).isTrue();
        assertThat(outbox.claim(seen, lease)).as("the other node's claim on what it read").isFalse();
    }

    @Test
    void anActionThatRollsBackSendsNothing() {
        String to = "rolled-back" + System.nanoTime() + "@test.example";
        transactions.executeWithoutResult(tx -> {
            staffMail.send(List.of(to), "You are invited to the newsroom", "A link.");
            tx.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r").param("r", to).query(Long.class).single()).isZero();
    }

    @Test
    void pausesGrowAndStopGrowingAtSixHours() {
        assertThat(MailDelivery.pauseAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDelivery.pauseAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailDelivery.pauseAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(MailDelivery.pauseAfter(10)).isEqualTo(Duration.ofHours(6));
    }
}
