package org.broadsheet.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Generates article-like text from word statistics of the news corpora in {@code ../shared/data/corpus/}: a
 * first-order Markov chain over words (English, Russian) or an order-two chain over characters (Japanese).
 * The corpora are read at run time and never copied; generated sentences recombine their word pairs.
 */
final class SyntheticText {

    private final Map<String, List<String>> next = new HashMap<>();
    private final List<String> starts = new ArrayList<>();
    private final Map<String, Integer> frequency = new HashMap<>();
    private final boolean characters;
    private final Random random;

    private SyntheticText(boolean characters, long seed) {
        this.characters = characters;
        this.random = new Random(seed);
    }

    static SyntheticText english(Path corpus, long seed) throws IOException {
        SyntheticText t = new SyntheticText(false, seed);
        for (Path file : files(corpus.resolve("en-bbc-sample/news"))) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            t.learnWords(String.join(" ", lines.subList(1, lines.size())), "[A-Za-z][A-Za-z'-]*|[.!?]");
        }
        return t;
    }

    static SyntheticText russian(Path corpus, Path demoArticles, long seed) throws IOException {
        SyntheticText t = new SyntheticText(false, seed);
        for (Path file : files(corpus.resolve("ru-corus-samples"))) {
            if (file.toString().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    t.learnWords(new String(in.readAllBytes(), StandardCharsets.UTF_8), "[А-Яа-яЁё][А-Яа-яЁё-]*|[.!?]");
                }
            }
        }
        for (Path file : files(demoArticles)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.chars().filter(c -> c >= 'а' && c <= 'я').count() > 1000) {
                t.learnWords(text, "[А-Яа-яЁё][А-Яа-яЁё-]*|[.!?]");
            }
        }
        return t;
    }

    static SyntheticText japanese(Path corpus, long seed) throws IOException {
        SyntheticText t = new SyntheticText(true, seed);
        for (Path file : files(corpus.resolve("ja-livedoor-sample"))) {
            if (file.getFileName().toString().startsWith("LICENSE") || file.getFileName().toString().startsWith("README")
                    || file.getFileName().toString().startsWith("CHANGES")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() > 3) {
                t.learnCharacters(String.join("", lines.subList(3, lines.size())));
            }
        }
        return t;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void learnWords(String text, String token) {
        Matcher m = Pattern.compile(token).matcher(text);
        String previous = ".";
        while (m.find()) {
            String word = m.group();
            if (!word.matches("[.!?]")) {
                frequency.merge(word.toLowerCase(), 1, Integer::sum);
            }
            if (previous.matches("[.!?]") && !word.matches("[.!?]")) {
                starts.add(word);
            }
            next.computeIfAbsent(previous, k -> new ArrayList<>()).add(word);
            previous = word;
        }
    }

    private void learnCharacters(String text) {
        String clean = text.replaceAll("\\s+", "");
        for (int i = 0; i + 2 < clean.length(); i++) {
            String key = clean.substring(i, i + 2);
            next.computeIfAbsent(key, k -> new ArrayList<>()).add(clean.substring(i + 2, i + 3));
            if (i == 0 || clean.charAt(i - 1) == '。') {
                starts.add(key);
            }
        }
        Matcher m = Pattern.compile("\\p{IsHan}{2,4}").matcher(clean);
        while (m.find()) {
            frequency.merge(m.group(), 1, Integer::sum);
        }
    }

    /** A sentence of roughly {@code words} words (or characters ×3 for Japanese). */
    String sentence(int words) {
        if (characters) {
            StringBuilder s = new StringBuilder(starts.get(random.nextInt(starts.size())));
            int target = words * 3;
            while (s.length() < target * 2) {
                List<String> options = next.get(s.substring(s.length() - 2));
                if (options == null) {
                    break;
                }
                String c = options.get(random.nextInt(options.size()));
                s.append(c);
                if (c.equals("。") && s.length() >= target) {
                    return s.toString();
                }
            }
            return s.append('。').toString();
        }
        StringBuilder s = new StringBuilder();
        String word = starts.get(random.nextInt(starts.size()));
        int count = 0;
        while (true) {
            if (word.matches("[.!?]")) {
                if (count >= words / 2) {
                    return s.append(word).toString();
                }
                word = starts.get(random.nextInt(starts.size()));
                s.append(". ");
            }
            if (count > 0 && s.charAt(s.length() - 1) != ' ') {
                s.append(' ');
            }
            s.append(count == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            count++;
            if (count >= words * 2) {
                return s.append('.').toString();
            }
            List<String> options = next.get(word);
            word = options == null ? "." : options.get(random.nextInt(options.size()));
        }
    }

    /** Paragraphs of text totalling about {@code words} words. */
    List<String> paragraphs(int words) {
        List<String> out = new ArrayList<>();
        int written = 0;
        while (written < words) {
            StringBuilder p = new StringBuilder();
            int sentences = 3 + random.nextInt(4);
            for (int i = 0; i < sentences; i++) {
                int length = 10 + random.nextInt(20);
                p.append(i == 0 ? "" : characters ? "" : " ").append(sentence(length));
                written += length;
            }
            out.add(p.toString());
        }
        return out;
    }

    String title() {
        String s = sentence(4 + random.nextInt(4));
        s = s.replaceAll("[.!?。]+$", "");
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** Words of middling frequency, for queries: common enough to match, rare enough to discriminate. */
    List<String> queryWords(int count) {
        List<String> band = band();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(band.get(random.nextInt(band.size())));
        }
        return out;
    }

    private List<String> band;

    private List<String> band() {
        if (band != null) {
            return band;
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(frequency.entrySet());
        ranked.removeIf(e -> e.getKey().length() < (characters ? 2 : 4));
        ranked.sort((a, b) -> b.getValue() - a.getValue());
        band = ranked.subList(Math.min(20, ranked.size()), Math.min(600, ranked.size())).stream()
                .map(Map.Entry::getKey).toList();
        return band;
    }

    /** Two words that follow each other somewhere in the corpus, for phrase queries. */
    String phrase() {
        if (characters) {
            String s = sentence(8);
            int from = random.nextInt(Math.max(1, s.length() - 5));
            return s.substring(from, Math.min(s.length(), from + 4));
        }
        while (true) {
            String first = queryWords(1).get(0);
            List<String> options = next.get(first);
            if (options != null) {
                String second = options.get(random.nextInt(options.size()));
                if (!second.matches("[.!?]")) {
                    return first + " " + second;
                }
            }
        }
    }

    Random random() {
        return random;
    }
}
