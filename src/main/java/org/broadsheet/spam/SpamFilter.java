package org.broadsheet.spam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The built-in spam filter: every {@link SpamCheck} gives its opinion, the learned classifier adds what
 * moderators taught it, and {@link SpamVerdict#combine} turns the points into approve / hold / spam. No data
 * leaves the server unless Akismet is switched on.
 */
@Service
public class SpamFilter {

    private static final Logger log = LoggerFactory.getLogger(SpamFilter.class);

    private final List<SpamCheck> checks;
    private final StoredSpamModel model;
    private final Akismet akismet;

    SpamFilter(List<SpamCheck> localChecks, StoredSpamModel model, Akismet akismet) {
        List<SpamCheck> all = new ArrayList<>(localChecks);
        all.add(new LearnedCheck(model::current));
        all.add(new AkismetCheck(akismet));
        this.checks = List.copyOf(all);
        this.model = model;
        this.akismet = akismet;
    }

    /** Judges a new comment. Never throws: a check that fails holds the comment for a person. */
    public SpamVerdict assess(CommentDraft draft, SpamRules rules) {
        return judge(checks, draft, rules);
    }

    /**
     * Judges a held comment again after a check failed. What only the moment of posting could show (the hidden
     * field, the time to submit, the sender's recent history) cannot be seen again from the stored comment, so
     * every signal that answered then is kept as it was, and only the checks that failed or had nothing to say
     * are asked again: a bot held while Akismet was down is not approved once Akismet is back.
     *
     * @param earlierReasons the reasons stored at posting ({@link SpamVerdict#reasons()})
     */
    public SpamVerdict reassess(CommentDraft draft, SpamRules rules, String earlierReasons) {
        Map<String, SpamSignal> byCheck = new LinkedHashMap<>();
        for (SpamSignal earlier : SpamVerdict.parse(earlierReasons)) {
            if (!earlier.failed() && earlier.hasOpinion()) {
                byCheck.put(earlier.check(), earlier);
            }
        }
        for (SpamSignal fresh : judge(checks, draft, rules).signals()) {
            byCheck.putIfAbsent(fresh.check(), fresh);
        }
        return SpamVerdict.combine(new ArrayList<>(byCheck.values()));
    }

    /**
     * Teaches the filter a moderator's decision (spam or not spam), online: the shared model moves at once.
     * {@code previous} is what the comment was last taught as (null if never); the same lesson twice is skipped.
     * Also tells Akismet, when it is on.
     */
    public void learn(CommentDraft draft, boolean spam, Boolean previous) {
        if (previous != null && previous == spam) {
            return;
        }
        model.learn(draft.text(), draft.articleKey(), spam);
        if (akismet.enabled()) {
            try {
                akismet.submit(draft, spam);
            } catch (RuntimeException e) {
                log.warn("Akismet did not take the {} report: {}", spam ? "spam" : "ham", e.getMessage());
            }
        }
    }

    /**
     * Refits the model on every decision moderators have made and calibrates its hold and spam thresholds on
     * them, as {@code spam-eval} measures it, replacing the drift of many small online lessons.
     *
     * @param articles each decision's {@link CommentDraft#articleKey}, in the same order as the texts
     */
    public void retrain(List<String> texts, List<String> articles, List<Boolean> spam) {
        List<int[]> features = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            features.add(TextFeatures.of(texts.get(i), articles.get(i)));
        }
        model.replace(features, spam);
    }

    /**
     * Whether the stored model predates this version's features; until it is refitted ({@link #retrain}) the
     * learned check is neutral.
     */
    public boolean modelOutdated() {
        return model.outdated();
    }

    static SpamVerdict judge(List<SpamCheck> checks, CommentDraft draft, SpamRules rules) {
        List<SpamSignal> signals = new ArrayList<>();
        for (SpamCheck check : checks) {
            try {
                signals.add(check.check(draft, rules));
            } catch (RuntimeException e) {
                log.warn("Spam check {} failed; the comment will wait for a moderator", check.getClass().getSimpleName(), e);
                signals.add(SpamSignal.failure(check.getClass().getSimpleName(), "could not run (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return SpamVerdict.combine(signals);
    }
}
