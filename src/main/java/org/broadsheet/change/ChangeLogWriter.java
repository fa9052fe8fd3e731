package org.broadsheet.change;

import org.broadsheet.article.ArticleChanged;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticlesChanged;
import org.broadsheet.author.AuthorChanged;
import org.broadsheet.comment.CommentChanged;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a change-log row for every article and comment change, inside the transaction that made it, so the
 * row exists exactly when the change does. After commit it wakes this node's dispatcher (and, on PostgreSQL,
 * every other node's through NOTIFY).
 */
@Component
class ChangeLogWriter {

    private final ChangeLog log;
    private final ArticleService articles;
    private final ChangeDispatcher dispatcher;
    private final ChangeNotifications notifications;

    ChangeLogWriter(ChangeLog log, ArticleService articles, ChangeDispatcher dispatcher, ChangeNotifications notifications) {
        this.log = log;
        this.articles = articles;
        this.dispatcher = dispatcher;
        this.notifications = notifications;
    }

    @EventListener
    void on(ArticleChanged event) {
        String action = articles.find(event.articleId()).isPresent() ? ContentChanged.UPDATED : ContentChanged.DELETED;
        record(ContentChanged.ARTICLE, event.articleId(), event.articleId(), action);
    }

    /** Many articles at once (an import): one JDBC batch of rows, one wake-up. */
    @EventListener
    void on(ArticlesChanged event) {
        if (!event.articleIds().isEmpty()) {
            afterAppend(log.appendAll(ContentChanged.ARTICLE, event.articleIds(), ContentChanged.UPDATED));
        }
    }

    @EventListener
    void on(CommentChanged event) {
        record(ContentChanged.COMMENT, event.commentId(), event.articleId(), ContentChanged.UPDATED);
    }

    @EventListener
    void on(AuthorChanged event) {
        record(ContentChanged.AUTHOR, event.authorId(), null, ContentChanged.UPDATED);
    }

    @EventListener
    void on(SiteWideChange event) {
        record(ContentChanged.SITE, 0, null, ContentChanged.UPDATED);
    }

    private void record(String entity, long id, Long articleId, String action) {
        afterAppend(log.append(entity, id, articleId, action));
    }

    private void afterAppend(long seq) {
        notifications.notifyOthers(seq);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        } else {
            dispatcher.wakeUp();
        }
    }
}
