package org.broadsheet.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Discussions close by the calendar ("close after N days"), but the page cache keeps an article's page until
 * something on it changes, so nothing would take away a form that should be gone. Every few minutes this finds
 * the discussions that closed since shortly before the last run and reports each as a change of its article's
 * discussion: every node drops those pages (the others through the change log) and renders them closed.
 */
@Component
class DiscussionClosing {

    static final Duration INTERVAL = Duration.ofMinutes(10);

    private final CommentRepository repository;
    private final DiscussionSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DiscussionClosing(CommentRepository repository, DiscussionSettings settings, ApplicationEventPublisher events,
                      TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT3M")
    @SchedulerLock(name = "close-discussions", lockAtMostFor = "PT10M")
    void closeOnSchedule() {
        closeDue();
    }

    /** Reports the discussions that closed lately; returns their articles. */
    List<Long> closeDue() {
        int days = settings.current().closeAfterDays();
        if (days == 0) {
            return List.of();
        }
        OffsetDateTime closedBy = OffsetDateTime.now(clock).minusDays(days);
        // Windows overlap by two runs, so that a late or skipped run misses nothing; dropping a page twice is free.
        List<Long> articleIds = repository.publishedBetween(closedBy.minus(INTERVAL.multipliedBy(3)), closedBy);
        transactions.executeWithoutResult(tx -> articleIds.forEach(id -> events.publishEvent(CommentChanged.discussionOf(id))));
        return articleIds;
    }
}
