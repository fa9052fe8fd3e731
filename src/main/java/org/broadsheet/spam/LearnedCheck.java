package org.broadsheet.spam;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The learned filter's opinion: the logistic model's log-odds that the text is spam, from what moderators
 * marked spam and not spam, scaled into points. Says nothing until it has learned from some decisions.
 */
final class LearnedCheck implements SpamCheck {

    /** Points per unit of evidence; chosen by cross-validation with {@code spam-eval} (see bench/discussion.md). */
    static final double POINTS_PER_LOG_ODDS = 7.0;
    private static final double MAX_POINTS = 12;
    /**
     * A real-looking text can earn at most this much credit, so that the learned filter never outvotes hard
     * evidence (a filled honeypot, a disallowed word).
     */
    private static final double MAX_CREDIT = 4;
    /** Until moderators have marked this many of each kind, the model's opinion is noise. */
    static final int MIN_EXAMPLES = 5;

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
        double evidence = current.score(TextFeatures.of(draft.text()));
        double points = Math.max(-MAX_CREDIT, Math.min(MAX_POINTS, evidence * POINTS_PER_LOG_ODDS));
        if (Math.abs(points) < 0.05) {
            return SpamSignal.neutral("learned");
        }
        return SpamSignal.of("learned", points, String.format(Locale.ROOT,
                "%s what moderators marked %s (evidence %.2f, from %d comments)",
                points > 0 ? "resembles" : "unlike", points > 0 ? "spam" : "spam; resembles approved comments",
                evidence, current.examples()));
    }
}
