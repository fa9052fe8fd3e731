package org.broadsheet.cache;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.ArticleChanged;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticlesChanged;
import org.broadsheet.author.AuthorChanged;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.change.ContentChanged;
import org.broadsheet.comment.CommentChanged;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Drops exactly the cached pages a change shows on, once the change is committed: an article's own page and
 * every page that lists or relates it, the lists it now joins (its sections — and so their parents' pages —
 * tags, authors, the front page, archives, feeds and sitemaps); a comment's article; an author's bylines and
 * bio boxes; everything when the menu or the settings change.
 */
@Component
class PageCacheInvalidation {

    private final PageCache cache;
    private final ArticleService articles;
    private final ChangeLog changeLog;

    PageCacheInvalidation(PageCache cache, ArticleService articles, ChangeLog changeLog) {
        this.cache = cache;
        this.articles = articles;
        this.changeLog = changeLog;
    }

    /**
     * Changes made on other nodes reach this one through the change log; local ones were handled at commit
     * by the listeners below, so that the next request on this node already sees them.
     */
    @EventListener
    void changedElsewhere(ContentChanged change) {
        if (changeLog.nodeId().equals(change.nodeId())) {
            return;
        }
        switch (change.entity()) {
            case ContentChanged.ARTICLE -> cache.invalidate(dependenciesOfArticle(change.entityId()));
            case ContentChanged.COMMENT -> cache.invalidate(List.of(PageDependencies.article(change.articleId())));
            case ContentChanged.AUTHOR -> authorChanged(new AuthorChanged(change.entityId()));
            default -> cache.clear();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void articleChanged(ArticleChanged event) {
        cache.invalidate(dependenciesOfArticle(event.articleId()));
    }

    /** A bulk change touches most lists anyway; clearing is cheaper than looking up each article's pages. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void articlesChanged(ArticlesChanged event) {
        cache.clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void commentChanged(CommentChanged event) {
        cache.invalidate(List.of(PageDependencies.article(event.articleId())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void authorChanged(AuthorChanged event) {
        // Feeds and sitemaps name authors too; they are among the lists every article joins.
        cache.invalidate(List.of(PageDependencies.author(event.authorId()), PageDependencies.ALL_LISTS));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void siteWideChange(SiteWideChange event) {
        cache.clear();
    }

    List<String> dependenciesOfArticle(long articleId) {
        ArticleService.Memberships m = articles.memberships(articleId);
        List<String> keys = new ArrayList<>();
        keys.add(PageDependencies.article(articleId));
        keys.add(PageDependencies.ALL_LISTS);
        m.sectionIds().forEach(id -> keys.add(PageDependencies.sectionList(id)));
        m.tagIds().forEach(id -> keys.add(PageDependencies.tagList(id)));
        m.authorIds().forEach(id -> keys.add(PageDependencies.authorList(id)));
        return keys;
    }
}
