package org.broadsheet.spam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Measures the whole filter on labelled comments: the learned classifier trained on one part, plus the
 * checks that a CSV row can feed (links in the text; with AUTHOR and DATE columns, repeated text and bursts by
 * one author), judged on another part by the same rules that judge live comments ({@link SpamFilter#judge}).
 * Each file stands for the comments under one article ({@link LabelledComment#article}), as the learned filter
 * weighs words per article.
 */
final class SpamEvaluation {

    private SpamEvaluation() {
    }

    /** Counts by actual class (rows: spam, legitimate) and verdict (columns: approve, hold, spam). */
    static final class Confusion {
        final long[][] counts = new long[2][3];

        void add(boolean spam, SpamVerdict.Decision decision) {
            counts[spam ? 0 : 1][decision.ordinal()]++;
        }

        void addAll(Confusion other) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    counts[r][c] += other.counts[r][c];
                }
            }
        }

        long spam() {
            return counts[0][0] + counts[0][1] + counts[0][2];
        }

        long legitimate() {
            return counts[1][0] + counts[1][1] + counts[1][2];
        }

        double spamRecall() {
            return spam() == 0 ? 0 : 100.0 * counts[0][2] / spam();
        }

        double legitimateMarkedSpam() {
            return legitimate() == 0 ? 0 : 100.0 * counts[1][2] / legitimate();
        }

        double spamNotApproved() {
            return spam() == 0 ? 0 : 100.0 * (counts[0][1] + counts[0][2]) / spam();
        }

        double legitimateNotApproved() {
            return legitimate() == 0 ? 0 : 100.0 * (counts[1][1] + counts[1][2]) / legitimate();
        }
    }

    /**
     * Trains on {@code train}, judges {@code test}. The rows' history ({@link CsvHistory}) counts every row as
     * posted to one site and only training rows as moderated.
     */
    static Confusion trainAndTest(List<LabelledComment> train, List<LabelledComment> test) {
        LogisticModel model = ModelTraining.fit(train.stream().map(c -> TextFeatures.of(c.text(), c.article())).toList(),
                train.stream().map(LabelledComment::spam).toList());
        List<SpamCheck> checks = List.of(new LinkCheck(), new HistoryCheck(), new LearnedCheck(() -> model));
        List<LabelledComment> posted = new ArrayList<>(train);
        posted.addAll(test);
        Set<LabelledComment> moderated = Collections.newSetFromMap(new IdentityHashMap<>());
        moderated.addAll(train);
        CsvHistory history = new CsvHistory(posted, moderated::contains);
        Confusion confusion = new Confusion();
        for (LabelledComment c : test) {
            CommentDraft draft = new CommentDraft(c.text(), c.author(), "", "", "", "", "", null, "", c.article(), null, false,
                    history.of(c));
            confusion.add(c.spam(), SpamFilter.judge(checks, draft, SpamRules.DEFAULT).decision());
        }
        return confusion;
    }

    /** k-fold cross-validation, folds stratified by class and shuffled with a fixed seed so runs repeat. */
    static Confusion crossValidate(List<LabelledComment> all, int folds, long seed) {
        List<LabelledComment> spam = new ArrayList<>(all.stream().filter(LabelledComment::spam).toList());
        List<LabelledComment> ham = new ArrayList<>(all.stream().filter(c -> !c.spam()).toList());
        Random random = new Random(seed);
        Collections.shuffle(spam, random);
        Collections.shuffle(ham, random);
        List<List<LabelledComment>> parts = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < spam.size(); i++) {
            parts.get(i % folds).add(spam.get(i));
        }
        for (int i = 0; i < ham.size(); i++) {
            parts.get(i % folds).add(ham.get(i));
        }
        Confusion total = new Confusion();
        for (int f = 0; f < folds; f++) {
            List<LabelledComment> train = new ArrayList<>();
            for (int g = 0; g < folds; g++) {
                if (g != f) {
                    train.addAll(parts.get(g));
                }
            }
            total.addAll(trainAndTest(train, parts.get(f)));
        }
        return total;
    }
}
