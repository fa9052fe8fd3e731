package org.broadsheet.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the newsroom's emails (invitations, password resets, "submitted for review", comments awaiting
 * moderation) through the outbox: {@link #send} queues the message in the caller's transaction and
 * {@link MailDelivery} delivers it once that commits. So an action is never slowed or failed by the mail
 * server, an action that rolls back sends nothing, and a message is retried, not lost, while the server is away.
 */
@Component
public class StaffMail {

    private final MailOutbox outbox;
    private final MailDelivery delivery;
    private final Clock clock;

    StaffMail(MailOutbox outbox, MailDelivery delivery, Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Queues one plain-text message to each recipient. */
    public void send(List<String> to, String subject, String text) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String recipient : to) {
            outbox.add(recipient, subject, text, now);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.wakeUp();
                }
            });
        } else {
            delivery.wakeUp();
        }
    }
}
