package org.broadsheet.spam;

/**
 * One independent opinion about a comment. Implementations never throw on purpose; if one does, or cannot
 * decide for a reason that matters (a remote service is down), {@link SpamFilter} turns that into a
 * {@link SpamSignal#failed} signal, which holds the comment for a person instead of losing it.
 */
interface SpamCheck {

    SpamSignal check(CommentDraft draft, SpamRules rules);
}
