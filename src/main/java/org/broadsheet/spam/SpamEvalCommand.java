package org.broadsheet.spam;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.broadsheet.support.CliCommand;
import org.broadsheet.support.CommandSyntax;
import org.springframework.stereotype.Component;

/**
 * {@code spam-eval FILE.csv… [--folds 5] [--seed N]} cross-validates the whole filter on labelled comments (the
 * seed shuffles the folds: the default repeats the published figures, others show how much they depend on the split);
 * {@code spam-eval --train A.csv… --test B.csv…} trains on some files and tests on others. Touches no database.
 */
@Component
class SpamEvalCommand implements CliCommand {

    static final long SEED = 20261125L;

    @Override
    public String name() {
        return "spam-eval";
    }

    /** Listed in META-INF/spring.factories: the launcher checks the arguments before the database starts. */
    static final class Syntax implements CommandSyntax {

        @Override
        public String name() {
            return "spam-eval";
        }

        @Override
        public String summary() {
            return "measure the spam filter on labelled CSV files (CONTENT, CLASS columns)";
        }

        @Override
        public int check(List<String> args, PrintStream err) {
            return parse(args, err) == null ? 2 : 0;
        }
    }

    /** What to evaluate: cross-validation on {@code files}, or training on {@code train} and testing on {@code test}. */
    record Request(List<String> files, List<String> train, List<String> test, int folds, long seed) {

        boolean split() {
            return !train.isEmpty() || !test.isEmpty();
        }
    }

    /** The request, or null after saying on {@code err} why the arguments cannot be used. */
    static Request parse(List<String> args, PrintStream err) {
        List<String> files = new ArrayList<>();
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        int folds = 5;
        long seed = SEED;
        List<String> target = files;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--folds") || arg.startsWith("--folds=")) {
                String value = arg.contains("=") ? arg.substring(8) : (i + 1 < args.size() ? args.get(++i) : "");
                try {
                    folds = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    folds = -1;
                }
                if (folds < 2) {
                    err.println("spam-eval: --folds needs a whole number of 2 or more, not \"" + value + "\"");
                    return null;
                }
            } else if (arg.equals("--seed") || arg.startsWith("--seed=")) {
                String value = arg.contains("=") ? arg.substring(7) : (i + 1 < args.size() ? args.get(++i) : "");
                try {
                    seed = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    err.println("spam-eval: --seed needs a whole number, not \"" + value + "\"");
                    return null;
                }
            } else if (arg.equals("--train")) {
                target = train;
            } else if (arg.equals("--test")) {
                target = test;
            } else if (arg.startsWith("--")) {
                err.println("spam-eval: unknown option " + arg);
                usage(err);
                return null;
            } else {
                target.add(arg);
            }
        }
        Request request = new Request(files, train, test, folds, seed);
        if (request.split() ? (train.isEmpty() || test.isEmpty() || !files.isEmpty()) : files.isEmpty()) {
            usage(err);
            return null;
        }
        return request;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Request request = parse(args, err);
        if (request == null) {
            return 2;
        }
        int folds = request.folds();
        try {
            SpamEvaluation.Confusion confusion;
            if (request.split()) {
                List<LabelledComment> trainRows = read(request.train());
                List<LabelledComment> testRows = read(request.test());
                out.printf(Locale.ROOT, "Training on %s, testing on %s%n", describe(trainRows), describe(testRows));
                confusion = SpamEvaluation.trainAndTest(trainRows, testRows);
            } else {
                List<LabelledComment> rows = read(request.files());
                if (rows.size() < folds) {
                    err.println("spam-eval: " + rows.size() + " comments are too few for " + folds + " folds");
                    return 1;
                }
                out.printf(Locale.ROOT, "%d-fold cross-validation on %s%n", folds, describe(rows));
                confusion = SpamEvaluation.crossValidate(rows, folds, request.seed());
            }
            print(confusion, out);
            return 0;
        } catch (LabelledCsv.BadFileException e) {
            err.println("spam-eval: " + e.getMessage());
            return 1;
        }
    }

    private static List<LabelledComment> read(List<String> files) throws LabelledCsv.BadFileException {
        List<LabelledComment> rows = new ArrayList<>();
        for (String file : files) {
            rows.addAll(LabelledCsv.read(Path.of(file)));
        }
        return rows;
    }

    private static String describe(List<LabelledComment> rows) {
        long spam = rows.stream().filter(LabelledComment::spam).count();
        return rows.size() + " comments (" + spam + " spam, " + (rows.size() - spam) + " legitimate)";
    }

    static void print(SpamEvaluation.Confusion c, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-22s %9s %9s %9s%n", "actual \\ filter said", "approve", "hold", "spam");
        out.printf(Locale.ROOT, "%-22s %9d %9d %9d%n", "spam (" + c.spam() + ")", c.counts[0][0], c.counts[0][1], c.counts[0][2]);
        out.printf(Locale.ROOT, "%-22s %9d %9d %9d%n", "legitimate (" + c.legitimate() + ")", c.counts[1][0], c.counts[1][1], c.counts[1][2]);
        out.println();
        out.printf(Locale.ROOT, "spam kept from readers (held or spam): %.1f%%; legitimate held for a moderator: %.1f%%%n",
                c.spamNotApproved(), 100.0 * c.counts[1][1] / Math.max(1, c.legitimate()));
        // The headline counts spam verdicts only: a held comment is not counted as caught.
        out.printf(Locale.ROOT, "spam recall %.1f%%, legitimate marked spam %.1f%%%n", c.spamRecall(), c.legitimateMarkedSpam());
    }

    private static void usage(PrintStream err) {
        err.println("usage: spam-eval FILE.csv... [--folds 5] [--seed " + SEED + "]");
        err.println("       spam-eval --train A.csv... --test B.csv...");
        err.println("CSV files need a header naming CONTENT and CLASS (1 = spam, 0 = legitimate);");
        err.println("AUTHOR and DATE feed the history checks when present; each file counts as the comments");
        err.println("under one article.");
    }
}
