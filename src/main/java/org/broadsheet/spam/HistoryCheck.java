package org.broadsheet.spam;

import org.springframework.stereotype.Component;

/**
 * What earlier comments say: the same text posted again, many comments from one IP address or email address
 * within an hour, and earlier comments from the same email address that a moderator marked spam count against a
 * comment; an address with approved comments (and no such spam) counts for it.
 */
@Component
class HistoryCheck implements SpamCheck {

    static final int BURST = 5;
    /**
     * A moderator's "spam" on an earlier comment from the same address. Enough to hold the comment on its own, not
     * to mark it spam: an address can be shared or forged, and a held comment costs its writer only a wait.
     */
    static final double SPAM_BEFORE = 4;

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        CommentDraft.History h = draft.history();
        double score = 0;
        StringBuilder reason = new StringBuilder();
        if (h.sameTextLastDay() > 0) {
            score += 4;
            reason.append("the same text was posted ").append(h.sameTextLastDay()).append(" time(s) in the last day");
        }
        if (h.fromIpLastHour() >= BURST) {
            score += 2;
            append(reason, h.fromIpLastHour() + " comments from this IP address in the last hour");
        }
        if (h.fromEmailLastHour() >= BURST) {
            score += 2;
            append(reason, h.fromEmailLastHour() + " comments from this email address in the last hour");
        }
        if (h.spamFromEmail() > 0) {
            score += SPAM_BEFORE;
            append(reason, h.spamFromEmail() + " earlier comment(s) from this email address marked spam by a moderator");
        }
        if (h.approvedFromEmail() > 0 && score == 0) {
            score -= 1;
            reason.append(h.approvedFromEmail()).append(" earlier comment(s) from this email address approved");
        }
        return score == 0 ? SpamSignal.neutral("history") : SpamSignal.of("history", score, reason.toString());
    }

    private static void append(StringBuilder reason, String text) {
        if (reason.length() > 0) {
            reason.append("; ");
        }
        reason.append(text);
    }
}
