package org.broadsheet.comment;

/** A comment's place in moderation; readers see APPROVED only. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASH
}
