package org.broadsheet.cache;

import java.util.HashSet;
import java.util.Set;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleChanged;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticlesChanged;
import org.broadsheet.author.AuthorChanged;
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
 * tags, authors, the front page, archives, feeds and sitemaps), the pages of its translations; a comment's
 * article and its discussion's own pages; an author's bylines and bio boxes; everything when the menu or the
 * settings change.
 */
@Component
class PageCacheInvalidation {

    private final PageCache cache;
    private final ArticleService articles;

    PageCacheInvalidation(PageCache cache, ArticleService articles) {
        this.cache = cache;
        this.articles = articles;
    }

    /**
     * Every change again once the change log brings it, this node's own too. Other nodes' changes reach this one
     * only so. This node's were handled at commit by the listeners below, so that the next request here already
     * sees them; but what some pages show is kept elsewhere and brought up to date only by the change log (the
     * sitemaps' lists), and a page rendered between the commit and then showed the old state and was kept.
     */
    @EventListener
    void changeLogged(ContentChanged change) {
        switch (change.entity()) {
            case ContentChanged.ARTICLE -> articleChanged(change.entityId());
            case ContentChanged.COMMENT -> discussionChanged(change.articleId());
            case ContentChanged.AUTHOR -> authorChanged(new AuthorChanged(change.entityId()));
            default -> cache.clear();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void articleChanged(ArticleChanged event) {
        articleChanged(event.articleId());
    }

    /** A bulk change touches most lists anyway; clearing is cheaper than looking up each article's pages. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void articlesChanged(ArticlesChanged event) {
        cache.clear();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void commentChanged(CommentChanged event) {
        discussionChanged(event.articleId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void authorChanged(AuthorChanged event) {
        // Feeds and sitemaps name authors too; they are among the lists every article joins.
        cache.invalidate(Set.of(PageDependencies.author(event.authorId()), PageDependencies.ALL_LISTS));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void siteWideChange(SiteWideChange event) {
        cache.clear();
    }

    /**
     * The pages that show the article — its discussion's own pages among them (archived, closed or retitled with
     * it; they record the article, comment/CommentController) —, the lists it is in now, the pages of the articles
     * in its translation group (each links the others by title); and the later pages of every section's, tag's
     * and author's list: the lists the article has just left are no longer known, and each later page of such a
     * list has moved up by one article.
     */
    private void articleChanged(long articleId) {
        Set<String> keys = dependenciesOfArticle(articleId);
        cache.invalidateIf((key, page) -> PageCache.showsAny(page, keys) || laterListPage(key, page));
    }

    Set<String> dependenciesOfArticle(long articleId) {
        ArticleService.Memberships m = articles.memberships(articleId);
        Set<String> keys = new HashSet<>();
        keys.add(PageDependencies.article(articleId));
        keys.add(PageDependencies.ALL_LISTS);
        m.sectionIds().forEach(id -> keys.add(PageDependencies.sectionList(id)));
        m.tagIds().forEach(id -> keys.add(PageDependencies.tagList(id)));
        m.authorIds().forEach(id -> keys.add(PageDependencies.authorList(id)));
        articles.find(articleId).map(Article::translationGroup).filter(group -> !group.isBlank())
                .ifPresent(group -> articles.inTranslationGroup(group)
                        .forEach(translation -> keys.add(PageDependencies.article(translation.id()))));
        return keys;
    }

    private static boolean laterListPage(String key, CachedPage page) {
        if (key.indexOf('?') < 0) {
            return false;
        }
        for (String dependency : page.dependencies()) {
            if (dependency.startsWith("list:")) {
                return true;
            }
        }
        return false;
    }

    /** A comment shows on its article's page and on the discussion's own pages, which record the article. */
    private void discussionChanged(Long articleId) {
        if (articleId != null) {
            cache.invalidate(Set.of(PageDependencies.article(articleId)));
        }
    }
}
