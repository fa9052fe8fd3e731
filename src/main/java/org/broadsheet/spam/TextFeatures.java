package org.broadsheet.spam;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

/**
 * Turns a comment's text into the features the learned filter weighs: words and word pairs of its plain reading
 * ({@link ObfuscatedText}), character n-grams of the text as written (2 to 6 characters, which also work for
 * Japanese, where words are not separated by spaces), the parts of every link (host, domain, top-level domain,
 * path words) and the text's shape (capitals, length, exclamation marks, digits). Nothing here is a list of
 * spam words: which features mean spam is learned from moderators' decisions.
 *
 * <p>Given the article a comment is posted under, its words and word pairs are also counted a second time as
 * words <em>of that article's discussion</em>. A word such as "song" or "subscribe" then has a site-wide weight
 * and one per article: what moderators approved under an article tells the model what that discussion is
 * about (legitimate comments talk about the thing, spam is the same everywhere), while the site-wide weight
 * still speaks for articles with few decisions (bench/discussion.md: +0.2 to +0.6 points of spam recall at 1%
 * false alarms).
 *
 * <p>A feature is a slot in the model's table of {@code 2^BITS} weights (a hash of its name), so the model is
 * one array whatever the language, tagged above those bits with its group ({@link #CHARACTERS}, {@link #WORDS},
 * {@link #LINKS_AND_SHAPE}); the result is sorted and free of repeats.
 */
final class TextFeatures {

    static final int CHARACTERS = 0;
    static final int WORDS = 1;
    static final int LINKS_AND_SHAPE = 2;
    private static final long FNV_START = 0xcbf29ce484222325L;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /**
     * A link with a scheme or "www.", or a bare address ("example.com", "shop.example.pl/page"): a name ending in
     * a common generic top-level domain or in any two-letter country code, as spam links often use the latter.
     */
    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:\\bhttps?://|\\bwww\\.|(?<![\\p{L}\\p{N}@.-])(?=[a-z0-9-]+\\.(?:[a-z]{2}|com|net|org|info|biz|xyz|online|site|club|shop|top)\\b))"
                    + "([^\\s/<>\"'?#]+)([^\\s<>\"']*)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d ]{6,}\\d");
    /** A tag's link target, kept as text (imported comments carry their links as HTML); other tags are dropped. */
    private static final Pattern HREF = Pattern.compile("<a\\s[^>]{0,300}?href\\s*=\\s*[\"']?([^\"'\\s>]+)[^>]{0,300}>");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,300}>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextFeatures() {
    }

    /** The features of a text whose article is unknown: no per-article words. */
    static int[] of(String text) {
        return of(text, "");
    }

    /**
     * @param article a stable key of the article the comment is posted under (its id; in {@code spam-eval} the
     *                file the row came from), or empty when unknown
     */
    static int[] of(String text, String article) {
        String raw = text == null ? "" : text;
        String clean = normalize(raw);
        String plain = ObfuscatedText.unmask(clean);
        Slots slots = new Slots();
        slots.group = LINKS_AND_SHAPE;
        links(plain, slots);
        shape(raw, clean, slots);
        slots.group = WORDS;
        words(plain, article == null ? "" : article, slots);
        slots.group = CHARACTERS;
        String squeezed = " " + SPACES.matcher(clean).replaceAll(" ").strip() + " ";
        for (int n = 2; n <= 6; n++) {
            for (int i = 0; i + n <= squeezed.length(); i++) {
                slots.add("c:", squeezed, i, i + n);
            }
        }
        return slots.sorted();
    }

    private static void links(String plain, Slots slots) {
        Matcher links = LINK.matcher(plain);
        int count = 0;
        while (links.find()) {
            count++;
            String host = links.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceFirst(":\\d+$", "");
            slots.add("host:" + host);
            String[] labels = host.split("\\.");
            if (labels.length >= 2) {
                slots.add("domain:" + labels[labels.length - 2] + "." + labels[labels.length - 1]);
                slots.add("tld:" + labels[labels.length - 1]);
            }
            Matcher pathWords = WORD.matcher(links.group(2));
            while (pathWords.find()) {
                slots.add("path:" + pathWords.group());
            }
        }
        if (count > 0) {
            slots.add("shape:links" + Math.min(count, 3));
        }
    }

    private static void words(String plain, String article, Slots slots) {
        Matcher words = WORD.matcher(plain);
        String previous = null;
        String inArticle = "a:" + article + ":";
        while (words.find()) {
            String word = words.group();
            slots.add("w:" + word);
            if (!article.isEmpty()) {
                slots.add(inArticle + "w:" + word);
            }
            if (previous != null) {
                slots.add("b:" + previous + " " + word);
                if (!article.isEmpty()) {
                    slots.add(inArticle + "b:" + previous + " " + word);
                }
            }
            previous = word;
        }
    }

    private static void shape(String raw, String clean, Slots slots) {
        long letters = raw.chars().filter(Character::isLetter).count();
        long upper = raw.chars().filter(Character::isUpperCase).count();
        if (letters > 10) {
            slots.add("shape:upper" + (10 * upper / letters));
        }
        slots.add("shape:length" + Math.min(12, 32 - Integer.numberOfLeadingZeros(raw.length())));
        long exclamations = raw.chars().filter(c -> c == '!').count();
        slots.add("shape:exclaim" + Math.min(exclamations, 3));
        if (LONG_NUMBER.matcher(clean).find()) {
            slots.add("shape:number");
        }
    }

    /**
     * Lower case, compatibility forms folded; HTML as in imported comments read as text: tags dropped but link
     * targets kept, entities decoded.
     */
    static String normalize(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String untagged = TAG.matcher(HREF.matcher(folded).replaceAll(" $1 ")).replaceAll(" ");
        return Parser.unescapeEntities(untagged, false).replace('\uFEFF', ' ');
    }

    /** The slot of a named feature: FNV-1a over the name's UTF-16 units, stable across JVMs and nodes. */
    static int slot(String name) {
        return index(fnv(FNV_START, name, 0, name.length()));
    }

    private static long fnv(long h, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h ^= (c & 0xff);
            h *= 0x100000001b3L;
            h ^= (c >>> 8);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static int index(long hash) {
        return (int) ((hash ^ (hash >>> 32)) & (LogisticModel.SIZE - 1));
    }

    /** Collects slots without building a string per character n-gram (a comment has hundreds of them). */
    private static final class Slots {
        private int[] values = new int[256];
        private int size;
        /** The group the next slots belong to. */
        int group;

        void add(String name) {
            push(slot(name));
        }

        /** The same slot as {@code add(prefix + text.substring(from, to))}. */
        void add(String prefix, String text, int from, int to) {
            push(index(fnv(fnv(FNV_START, prefix, 0, prefix.length()), text, from, to)));
        }

        private void push(int slot) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = slot | (group << LogisticModel.BITS);
        }

        int[] sorted() {
            int[] all = Arrays.copyOf(values, size);
            Arrays.sort(all);
            int unique = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[unique++] = all[i];
                }
            }
            return Arrays.copyOf(all, unique);
        }
    }
}
