package org.broadsheet.comment;

/** What a moderator can do to one or many comments from the queue. */
public enum ModerationAction {
    APPROVE, UNAPPROVE, SPAM, TRASH, DELETE;

    static ModerationAction parse(String raw) {
        try {
            return valueOf(raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.broadsheet.support.BadRequestException("Unknown moderation action \"" + raw + "\".");
        }
    }
}
