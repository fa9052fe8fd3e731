package org.broadsheet.article;

import java.util.List;

/**
 * Published (inside the transaction) instead of one {@link ArticleChanged} per article when many articles
 * change together, as in a bulk import: listeners handle the set at once — one batch of change-log rows, one
 * clearing of the page cache — rather than thousands of single lookups.
 *
 * @param articleIds the articles created or updated; none was deleted
 */
public record ArticlesChanged(List<Long> articleIds) {

    public ArticlesChanged {
        articleIds = List.copyOf(articleIds);
    }
}
