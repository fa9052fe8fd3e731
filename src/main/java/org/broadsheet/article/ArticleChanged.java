package org.broadsheet.article;

/**
 * Published (as a Spring application event, inside the transaction) whenever an article or anything shown
 * on its page changes: created, edited, published, scheduled, archived, deleted. Listeners that must see
 * the committed row use {@code @TransactionalEventListener}.
 *
 * @param articleId the article that changed
 * @param slug      its slug after the change
 */
public record ArticleChanged(long articleId, String slug) {
}
