package org.broadsheet.spam;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The learned filter's opinion: the logistic model's log-odds that the text is spam, from what moderators
 * marked spam and not spam, turned into points so that the model's calibrated thresholds
 * ({@link LogisticModel#holdAt}, {@link LogisticModel#spamAt}) land exactly on the filter's
 * ({@link SpamVerdict#HOLD_AT}, {@link SpamVerdict#SPAM_AT}). Says nothing until it has learned from some decisions.
 */
final class LearnedCheck implements SpamCheck {

    private static final double MAX_POINTS = 12;
    /**
     * A real-looking text can earn at most this much credit, so that the learned filter never outvotes hard
     * evidence (a filled honeypot, a disallowed word).
     */
    private static final double MAX_CREDIT = 4;
    /** Until moderators have marked this many of each kind, the model's opinion is noise. */
    static final int MIN_EXAMPLES = 5;
    /** When the two thresholds (nearly) coincide, points still rise this fast per unit of log-odds. */
    private static final double MIN_SPREAD = 0.25;

    private final Supplier<LogisticModel> model;

    LearnedCheck(Supplier<LogisticModel> model) {
        this.model = model;
    }

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        LogisticModel current = model.get();
        if (current.fewerOfEitherKind() < MIN_EXAMPLES) {
            return SpamSignal.neutral("learned");
        }
        double evidence = current.score(TextFeatures.of(draft.text(), draft.articleKey()));
        double points = Math.max(-MAX_CREDIT, Math.min(MAX_POINTS, points(evidence, current)));
        if (Math.abs(points) < 0.05) {
            return SpamSignal.neutral("learned");
        }
        return SpamSignal.of("learned", points, String.format(Locale.ROOT,
                "%s what moderators marked %s (evidence %.2f; hold from %.2f, spam from %.2f; from %d comments)",
                points > 0 ? "resembles" : "unlike", points > 0 ? "spam" : "spam; resembles approved comments",
                evidence, current.holdAt(), current.spamAt(), current.examples()));
    }

    /** A straight line through (holdAt, HOLD_AT) and (spamAt, SPAM_AT). */
    static double points(double evidence, LogisticModel model) {
        double spread = Math.max(MIN_SPREAD, model.spamAt() - model.holdAt());
        double perUnit = (SpamVerdict.SPAM_AT - SpamVerdict.HOLD_AT) / spread;
        return SpamVerdict.SPAM_AT + (evidence - model.spamAt()) * perUnit;
    }
}
