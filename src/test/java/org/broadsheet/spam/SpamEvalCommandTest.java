package org.broadsheet.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamEvalCommandTest {

    static final Path DATA = Path.of("../shared/data/comments/youtube-spam-collection");

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new SpamEvalCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void crossValidatesAndEndsWithTheSummaryLine() throws Exception {
        Path csv = dir.resolve("small.csv");
        StringBuilder text = new StringBuilder("CONTENT,CLASS\n");
        for (int i = 0; i < 40; i++) {
            text.append("\"check out my channel, subscribe for free gift ").append(i).append("\",1\n");
            text.append("\"I love the chorus of this song, number ").append(i).append("\",0\n");
        }
        Files.writeString(csv, text);
        Run run = run(csv.toString(), "--folds", "4");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("4-fold cross-validation on 80 comments (40 spam, 40 legitimate)", "actual \\ filter said");
        assertThat(run.lastLine()).matches("spam recall \\d+\\.\\d%, legitimate marked spam \\d+\\.\\d%");
    }

    @Test
    void badFilesAndArgumentsGetAMessage() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "CONTENT,CLASS\nok,0\nnot ok,maybe\n");
        Run run = run(bad.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("bad.csv, row 3");
        assertThat(run("--train", bad.toString()).status()).isEqualTo(2);
        assertThat(run(dir.resolve("missing.csv").toString()).err()).contains("cannot be read");
        assertThat(run(bad.toString(), "--folds", "one").err()).contains("--folds");
    }

    @Test
    void meetsTheQualityFloorOnTheYoutubeSpamCollection() throws Exception {
        if (!Files.isDirectory(DATA)) {
            Assumptions.abort("../shared/data/comments/youtube-spam-collection is absent; skipping the real-data evaluation");
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(DATA)) {
            s.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(p -> files.add(p.toString()));
        }
        files.add("--folds");
        files.add("5");
        Run run = run(files.toArray(String[]::new));
        assertThat(run.status()).isZero();
        String last = run.lastLine();
        double recall = Double.parseDouble(last.replaceAll("spam recall ([0-9.]+)%.*", "$1"));
        double falseAlarms = Double.parseDouble(last.replaceAll(".*marked spam ([0-9.]+)%", "$1"));
        // A floor below the measured figures (bench/discussion.md), so that a regression fails the build.
        assertThat(recall).isGreaterThan(93.0);
        assertThat(falseAlarms).isLessThanOrEqualTo(1.0);

        Path train = Path.of(files.get(0));
        Run split = run("--train", files.get(1), files.get(2), files.get(3), files.get(4), "--test", train.toString());
        assertThat(split.status()).isZero();
        assertThat(split.out()).contains("Training on", "testing on 350 comments");
    }
}
