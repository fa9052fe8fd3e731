package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.spam.Links;
import org.broadsheet.spam.SpamSignal;
import org.broadsheet.spam.SpamVerdict;

/**
 * Turns the spam filter's verdict and the site's moderation rules into a comment's status: clearly fine →
 * approved (or pending when the rules hold it), unsure → pending for a person, clearly spam → spam, which is
 * kept and reviewable. A check that failed always means pending: never lost, never approved unchecked.
 */
final class CommentModeration {

    private CommentModeration() {
    }

    /** The status and the reasons a moderator will read. */
    record Decision(CommentStatus status, double score, List<SpamSignal> reasons, boolean recheck) {
    }

    /**
     * @param text the comment's text, for the rule on links: more than the settings allow holds the comment
     *             whatever the score (a returning commenter's credit or the learned filter's must not outvote it)
     */
    static Decision decide(SpamVerdict verdict, DiscussionSettings.Settings settings, boolean staff,
                           long approvedFromEmail, String text) {
        List<SpamSignal> reasons = new ArrayList<>(verdict.signals());
        if (staff) {
            return new Decision(CommentStatus.APPROVED, verdict.score(), reasons, false);
        }
        CommentStatus status;
        switch (verdict.decision()) {
            case SPAM:
                status = CommentStatus.SPAM;
                break;
            case HOLD:
                status = CommentStatus.PENDING;
                break;
            default:
                status = CommentStatus.APPROVED;
                if (settings.holdAll()) {
                    status = CommentStatus.PENDING;
                    reasons.add(SpamSignal.of("rules", 0, "every comment is held for a moderator"));
                } else if (Links.countIn(text) > settings.maxLinks()) {
                    status = CommentStatus.PENDING;
                    reasons.add(SpamSignal.of("rules", 0, "more than " + settings.maxLinks() + " links"));
                } else if (settings.holdFirstComment() && approvedFromEmail == 0) {
                    status = CommentStatus.PENDING;
                    reasons.add(SpamSignal.of("rules", 0, "first comment from this email address"));
                }
        }
        return new Decision(status, verdict.score(), reasons, verdict.recheck());
    }
}
