package org.broadsheet.change;

import org.broadsheet.article.ArticleChanged;
import org.broadsheet.author.AuthorChanged;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Clears the {@link ReadMostlyCaches} after every change that is not a comment: at commit for changes made on
 * this node, so that the next request here already sees them, and again when the change log brings any
 * node's change. Article changes count too: an import adds sections, tags, authors and images with its
 * articles without announcing them separately.
 */
@Component
class ReadMostlyInvalidation {

    private final ReadMostlyCaches caches;

    ReadMostlyInvalidation(ReadMostlyCaches caches) {
        this.caches = caches;
    }

    @EventListener
    void on(ContentChanged change) {
        if (!ContentChanged.COMMENT.equals(change.entity())) {
            caches.clearAll();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArticleChanged event) {
        caches.clearAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AuthorChanged event) {
        caches.clearAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SiteWideChange event) {
        caches.clearAll();
    }
}
