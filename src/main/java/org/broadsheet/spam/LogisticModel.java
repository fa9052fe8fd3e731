package org.broadsheet.spam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Logistic regression over hashed text features ({@link TextFeatures}), with the two thresholds that turn its
 * log-odds into "hold" and "spam" ({@link ModelTraining} calibrates them on the decisions it was fitted on).
 * Chosen over naive Bayes because overlapping character n-grams break Bayes' independence assumption
 * (bench/discussion.md). Not thread-safe; {@link StoredSpamModel} hands out copies.
 */
final class LogisticModel {

    static final int BITS = 20;
    static final int SIZE = 1 << BITS;
    /**
     * Written first in the stored form, so that a model stored in another layout (older features, another
     * table size) is recognised as outdated rather than misread.
     */
    private static final int FORMAT = BITS * 100 + 5;
    /** Step size of an online lesson; the nightly refit uses {@link ModelTraining}'s adaptive steps instead. */
    private static final double ONLINE_RATE = 0.5;
    /** Until a refit calibrates them: spam from log-odds 1.5 (p ≈ 0.82), held from 0 (p = 0.5). */
    static final double DEFAULT_SPAM_AT = 1.5;
    static final double DEFAULT_HOLD_AT = 0.0;

    final float[] weights;
    double bias;
    private long spamExamples;
    private long hamExamples;
    private double spamAt = DEFAULT_SPAM_AT;
    private double holdAt = DEFAULT_HOLD_AT;

    LogisticModel() {
        this(new float[SIZE]);
    }

    private LogisticModel(float[] weights) {
        this.weights = weights;
    }

    long examples() {
        return spamExamples + hamExamples;
    }

    /** The fewer of spam and legitimate examples learned: a model that has seen one kind only knows nothing. */
    long fewerOfEitherKind() {
        return Math.min(spamExamples, hamExamples);
    }

    /** Log-odds at and above which the text alone marks a comment spam. */
    double spamAt() {
        return spamAt;
    }

    /** Log-odds at and above which the text alone holds a comment for a moderator. */
    double holdAt() {
        return holdAt;
    }

    void calibrate(double spamAt, double holdAt) {
        this.spamAt = spamAt;
        this.holdAt = Math.min(holdAt, spamAt);
    }

    static final int MASK = SIZE - 1;
    /**
     * Length of each group of features ({@link TextFeatures}: character n-grams, words, links and shape): a
     * comment's few link and shape features would otherwise be drowned by its hundreds of n-grams.
     */
    private static final double[] GROUP_WEIGHT = {1, 1, 2};

    /** The value of each feature of a text: each group's length is shared equally by its features present. */
    static float[] values(int[] features) {
        int[] counts = new int[3];
        for (int f : features) {
            counts[f >>> BITS]++;
        }
        float[] values = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            int g = features[i] >>> BITS;
            values[i] = (float) (GROUP_WEIGHT[g] / Math.sqrt(counts[g] + 1));
        }
        return values;
    }

    /** The log-odds that a comment with these features is spam; 0 for an untrained model. */
    double score(int[] features) {
        float[] values = values(features);
        double z = bias;
        for (int i = 0; i < features.length; i++) {
            z += weights[features[i] & MASK] * values[i];
        }
        return z;
    }

    /**
     * Learns one moderator decision online: a few steps, stopping once the model agrees with the moderator
     * clearly enough, so that one lesson moves the model without overturning everything it knew.
     */
    void learn(int[] features, boolean spam) {
        float[] values = values(features);
        for (int i = 0; i < 5; i++) {
            double z = score(features);
            if (spam ? z > 2 : z < -2) {
                break;
            }
            double gradient = (spam ? 1 : 0) - 1 / (1 + Math.exp(-z));
            bias += ONLINE_RATE * gradient;
            for (int k = 0; k < features.length; k++) {
                weights[features[k] & MASK] += (float) (ONLINE_RATE * gradient * values[k]);
            }
        }
        count(spam);
    }

    void count(boolean spam) {
        if (spam) {
            spamExamples++;
        } else {
            hamExamples++;
        }
    }

    LogisticModel copy() {
        LogisticModel copy = new LogisticModel(weights.clone());
        copy.bias = bias;
        copy.spamExamples = spamExamples;
        copy.hamExamples = hamExamples;
        copy.spamAt = spamAt;
        copy.holdAt = holdAt;
        return copy;
    }

    /** Non-zero weights only, deflated: a trained model is far smaller than its 2^20 slots. */
    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeDouble(bias);
            out.writeLong(spamExamples);
            out.writeLong(hamExamples);
            out.writeDouble(spamAt);
            out.writeDouble(holdAt);
            int nonZero = 0;
            for (float w : weights) {
                if (w != 0) {
                    nonZero++;
                }
            }
            out.writeInt(nonZero);
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] != 0) {
                    out.writeInt(i);
                    out.writeFloat(weights[i]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Whether stored bytes hold a model in the current layout (empty bytes are a fresh, current model). */
    static boolean current(byte[] data) {
        return data == null || data.length == 0 || format(data) == FORMAT;
    }

    /** Reads a stored model; bytes in another layout give a fresh model, to be refitted from the decisions. */
    static LogisticModel fromBytes(byte[] data) {
        if (data == null || data.length == 0 || format(data) != FORMAT) {
            return new LogisticModel();
        }
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            in.readInt();
            LogisticModel model = new LogisticModel();
            model.bias = in.readDouble();
            model.spamExamples = in.readLong();
            model.hamExamples = in.readLong();
            model.spamAt = in.readDouble();
            model.holdAt = in.readDouble();
            int nonZero = in.readInt();
            for (int i = 0; i < nonZero; i++) {
                int index = in.readInt();
                model.weights[index] = in.readFloat();
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int format(byte[] data) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
            return in.readInt();
        } catch (IOException e) {
            return -1;
        }
    }
}
