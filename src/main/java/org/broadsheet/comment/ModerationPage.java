package org.broadsheet.comment;

import java.util.List;

import org.broadsheet.support.PageOf;

/** The moderation queue page: tabs with counts, the comments of the current tab, and a notice after an action. */
public record ModerationPage(CommentStatus status, List<Tab> tabs, PageOf<QueueItem> comments, String notice) {

    public record Tab(String label, String url, long count, boolean current) {
    }

    /** The bulk actions that make sense on this tab. */
    public List<ModerationAction> actions() {
        switch (status) {
            case PENDING:
                return List.of(ModerationAction.APPROVE, ModerationAction.SPAM, ModerationAction.TRASH);
            case APPROVED:
                return List.of(ModerationAction.UNAPPROVE, ModerationAction.SPAM, ModerationAction.TRASH);
            case SPAM:
                return List.of(ModerationAction.APPROVE, ModerationAction.DELETE);
            default:
                return List.of(ModerationAction.APPROVE, ModerationAction.SPAM, ModerationAction.DELETE);
        }
    }

    public static String label(ModerationAction action) {
        switch (action) {
            case APPROVE:
                return "Approve";
            case UNAPPROVE:
                return "Unapprove";
            case SPAM:
                return "Mark as spam";
            case TRASH:
                return "Move to trash";
            default:
                return "Delete permanently";
        }
    }
}
