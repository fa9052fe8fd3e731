package org.broadsheet.change;

import java.time.OffsetDateTime;

/**
 * A local Spring event, published once on every node for every committed row of the change log, whichever
 * node wrote it. Listeners (search index, page cache) run on the dispatcher's thread, one change at a time,
 * in log order; a listener that throws is logged and does not stop the others.
 *
 * @param seq       the row's position in the change log
 * @param entity    {@link #ARTICLE}, {@link #COMMENT}, {@link #AUTHOR} or {@link #SITE} (a change every page shows)
 * @param entityId  the changed article or comment
 * @param articleId the article whose pages show the change (for a comment, its article), or null
 * @param action    {@link #UPDATED} or {@link #DELETED}
 * @param nodeId    the node that made the change
 */
public record ContentChanged(long seq, String entity, long entityId, Long articleId, String action, String nodeId,
                             OffsetDateTime createdAt) {

    public static final String ARTICLE = "article";
    public static final String COMMENT = "comment";
    public static final String AUTHOR = "author";
    public static final String SITE = "site";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";

    public boolean isArticle() {
        return ARTICLE.equals(entity);
    }
}
