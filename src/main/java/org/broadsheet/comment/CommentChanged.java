package org.broadsheet.comment;

/**
 * Published (as a Spring application event, inside the transaction) whenever a comment is added or changes
 * status, text or visibility, or an article's discussion as a whole changes (it closed: {@code commentId} 0).
 */
public record CommentChanged(long commentId, long articleId) {

    /** The discussion under an article changed as a whole, not one comment of it. */
    static CommentChanged discussionOf(long articleId) {
        return new CommentChanged(0, articleId);
    }
}
