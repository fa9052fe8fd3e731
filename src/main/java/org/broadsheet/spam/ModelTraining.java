package org.broadsheet.spam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits a {@link LogisticModel} on all the decisions moderators have made (the nightly refit, and
 * {@code spam-eval}), then calibrates its thresholds on those same decisions.
 *
 * <ul>
 * <li>Ten shuffled passes with AdaGrad steps: a feature seen rarely (one spammer's domain) still moves
 *     quickly, a common one (the word "the") settles. Stopping after ten passes is the regularisation: more
 *     passes or an L2 penalty measured worse (bench/discussion.md).</li>
 * <li>The model is the average of {@link #ORDERS} such fits, each over the decisions in another shuffled order.
 *     One fit is swayed by the decisions it happened to see last; the average (still one linear model, stored
 *     as before) scores borderline comments more steadily, so thresholds calibrated on it hold better on new
 *     comments (bench/discussion.md: +0.7 points of spam recall at fewer false alarms).</li>
 * <li>Spam and legitimate comments weigh the same in total, whatever their numbers: a site whose moderators
 *     mostly mark spam must not learn that every comment is spam.</li>
 * <li>The thresholds come from cross-validation inside the training decisions: the spam threshold is set where
 *     at most {@link #SPAM_FALSE_ALARMS} of legitimate comments the model had not seen scored higher, the hold
 *     threshold where at most {@link #HOLD_SHARE}. A site's own data thus decides how strict "spam" is. The
 *     cross-validation runs {@link #CALIBRATION_ROUNDS} times over differently drawn folds and the thresholds
 *     come from all those scores together: which few legitimate comments land in the top 1% depends on the
 *     draw, and one draw set the spam threshold needlessly high on some splits (bench/discussion.md).</li>
 * </ul>
 * Runs are repeatable: shuffles use fixed seeds.
 */
final class ModelTraining {

    static final int EPOCHS = 10;
    /** Fits averaged into one model: five ranked about the same as four (bench/discussion.md), and each costs a full fit. */
    static final int ORDERS = 4;
    private static final double RATE = 0.5;
    private static final int CALIBRATION_FOLDS = 4;
    /**
     * Cross-validations, over differently drawn folds, whose out-of-fold scores set the thresholds together. Two
     * gained about half a point of spam recall over one, with legitimate comments marked spam still within 1%;
     * three gave the same as two, and each costs {@link #CALIBRATION_FOLDS} more fits.
     */
    static final int CALIBRATION_ROUNDS = 2;
    /** Share of unseen legitimate comments allowed at or above the spam threshold. */
    static final double SPAM_FALSE_ALARMS = 0.01;
    /** Share of unseen legitimate comments allowed at or above the hold threshold. */
    static final double HOLD_SHARE = 0.03;
    /** Below this many decisions of each kind the thresholds stay at their defaults: too few to measure. */
    static final int MIN_FOR_CALIBRATION = 20;

    private ModelTraining() {
    }

    /** A model fitted on these labelled feature vectors, with calibrated thresholds. */
    static LogisticModel fit(List<int[]> features, List<Boolean> labels) {
        LogisticModel model = train(features, labels);
        long spam = labels.stream().filter(b -> b).count();
        if (Math.min(spam, labels.size() - spam) >= MIN_FOR_CALIBRATION) {
            calibrate(model, features, labels);
        }
        labels.forEach(model::count);
        return model;
    }

    /** The average of {@link #ORDERS} fits over differently shuffled decisions; without thresholds. */
    static LogisticModel train(List<int[]> features, List<Boolean> labels) {
        LogisticModel average = new LogisticModel();
        for (int order = 1; order <= ORDERS; order++) {
            LogisticModel fit = fitInOrder(features, labels, new Random(order));
            for (int i = 0; i < LogisticModel.SIZE; i++) {
                average.weights[i] += fit.weights[i] / ORDERS;
            }
            average.bias += fit.bias / ORDERS;
        }
        return average;
    }

    private static LogisticModel fitInOrder(List<int[]> features, List<Boolean> labels, Random random) {
        LogisticModel model = new LogisticModel();
        float[] squares = new float[LogisticModel.SIZE];
        double biasSquares = 0;
        long spam = labels.stream().filter(b -> b).count();
        long ham = labels.size() - spam;
        double spamWeight = spam == 0 ? 1 : labels.size() / (2.0 * spam);
        double hamWeight = ham == 0 ? 1 : labels.size() / (2.0 * ham);
        List<Integer> order = indexes(features.size());
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                int[] x = features.get(i);
                boolean isSpam = labels.get(i);
                double p = 1 / (1 + Math.exp(-model.score(x)));
                double gradient = ((isSpam ? 1 : 0) - p) * (isSpam ? spamWeight : hamWeight);
                biasSquares += gradient * gradient;
                model.bias += RATE * gradient / Math.sqrt(biasSquares + 1e-8);
                float[] values = LogisticModel.values(x);
                for (int k = 0; k < x.length; k++) {
                    int f = x[k] & LogisticModel.MASK;
                    double g = gradient * values[k];
                    squares[f] += (float) (g * g);
                    model.weights[f] += (float) (RATE * g / Math.sqrt(squares[f] + 1e-8));
                }
            }
        }
        return model;
    }

    /** Sets the thresholds from out-of-fold scores of the training decisions (stratified folds, several draws). */
    private static void calibrate(LogisticModel model, List<int[]> features, List<Boolean> labels) {
        List<Double> hamScores = new ArrayList<>();
        for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
            hamScores.addAll(outOfFoldHamScores(features, labels, new Random(2 + round)));
        }
        double[] sorted = hamScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        model.calibrate(Math.max(above(sorted, SPAM_FALSE_ALARMS), 0), above(sorted, HOLD_SHARE));
    }

    /** The scores of the legitimate decisions, each by a model fitted on the other folds of one draw. */
    private static List<Double> outOfFoldHamScores(List<int[]> features, List<Boolean> labels, Random random) {
        List<Integer> order = indexes(features.size());
        Collections.shuffle(order, random);
        int[] fold = new int[features.size()];
        int spamSeen = 0;
        int hamSeen = 0;
        for (int i : order) {
            fold[i] = (labels.get(i) ? spamSeen++ : hamSeen++) % CALIBRATION_FOLDS;
        }
        List<Double> hamScores = new ArrayList<>();
        for (int k = 0; k < CALIBRATION_FOLDS; k++) {
            List<int[]> trainX = new ArrayList<>();
            List<Boolean> trainY = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] != k) {
                    trainX.add(features.get(i));
                    trainY.add(labels.get(i));
                }
            }
            LogisticModel partial = train(trainX, trainY);
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == k && !labels.get(i)) {
                    hamScores.add(partial.score(features.get(i)));
                }
            }
        }
        return hamScores;
    }

    /** The lowest score that at most {@code share} of these (ascending) scores reach. */
    private static double above(double[] ascending, double share) {
        int allowed = (int) Math.floor(share * ascending.length);
        return Math.nextUp(ascending[ascending.length - 1 - allowed]);
    }

    private static List<Integer> indexes(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }
}
