package org.broadsheet.comment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.broadsheet.spam.CommentDraft;
import org.broadsheet.spam.SpamFilter;
import org.broadsheet.spam.SpamVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled work of the spam filter on stored comments: comments held because a check failed (Akismet down)
 * are checked again until the checks answer; and every night the learned model is refitted on all moderator
 * decisions, as {@code spam-eval} measures it. Both would be safe on several nodes at once, but each runs on one
 * node at a time (ShedLock): a re-check asks Akismet once, and one refit is enough for the shared model.
 */
@Component
class SpamRecheck {

    private static final Logger log = LoggerFactory.getLogger(SpamRecheck.class);

    private final CommentRepository repository;
    private final CommentQueue queue;
    private final SpamFilter spam;
    private final DiscussionSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SpamRecheck(CommentRepository repository, CommentQueue queue, SpamFilter spam, DiscussionSettings settings,
                ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.spam = spam;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checks held comments again; a comment stays pending until every check has answered. */
    @Scheduled(fixedDelayString = "${broadsheet.comments.recheck-interval:PT5M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "recheck-held-comments", lockAtMostFor = "PT10M")
    void recheckOnSchedule() {
        recheck();
    }

    int recheck() {
        DiscussionSettings.Settings s = settings.current();
        int settled = 0;
        for (CommentRepository.CommentRow row : repository.toRecheck(100)) {
            SpamVerdict verdict = spam.reassess(queue.draft(row), s.spamRules(), row.spamReasons());
            if (verdict.recheck()) {
                continue;
            }
            CommentModeration.Decision decision = CommentModeration.decide(verdict, s, false,
                    repository.countApprovedFromEmail(row.authorEmail()), row.body());
            String reasons = new SpamVerdict(verdict.decision(), decision.score(), decision.reasons(), false).reasons();
            transactions.executeWithoutResult(tx -> {
                repository.updateVerdict(row.id(), decision.status(), decision.score(),
                        reasons.length() > 4000 ? reasons.substring(0, 4000) : reasons, false, OffsetDateTime.now(clock));
                events.publishEvent(new CommentChanged(row.id(), row.articleId()));
            });
            settled++;
        }
        if (settled > 0) {
            log.info("Re-checked {} held comments", settled);
        }
        return settled;
    }

    /** After an upgrade that changed the filter's features, refits at once rather than waiting for the night. */
    @EventListener(ApplicationReadyEvent.class)
    void refitOutdatedModel() {
        if (spam.modelOutdated()) {
            retrain();
        }
    }

    /** Refits the learned model on every moderator decision. */
    @Scheduled(cron = "${broadsheet.comments.retrain-cron:0 30 3 * * *}")
    @SchedulerLock(name = "refit-spam-model", lockAtMostFor = "PT1H")
    void retrain() {
        List<CommentRepository.CommentRow> trained = repository.trained();
        if (trained.isEmpty()) {
            return;
        }
        spam.retrain(trained.stream().map(CommentRepository.CommentRow::body).toList(),
                trained.stream().map(r -> CommentDraft.keyOf(r.articleId())).toList(),
                trained.stream().map(r -> "SPAM".equals(r.trainedAs())).toList());
        log.info("Refitted the spam model on {} moderator decisions", trained.size());
    }
}
