package org.broadsheet.comment;

/**
 * Published (as a Spring application event, inside the transaction) whenever a comment is added or changes
 * status, text or visibility.
 */
public record CommentChanged(long commentId, long articleId) {
}
