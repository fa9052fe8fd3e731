package org.broadsheet.spam;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a comment's text into the set of features the learned filter counts: words, word pairs, character
 * n-grams (3 to 5 characters, which also work for Japanese, where words are not separated by spaces), the
 * domains of links, and a few shapes (has a link, has a long number). Features are 64-bit hashes so that the
 * model is one table of numbers whatever the language.
 */
final class TextFeatures {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([^\\s/<>\"']+)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d ]{6,}\\d");
    private static final Pattern MARKUP = Pattern.compile("<[^>]{0,200}>|&[a-z]{2,6};|&#\\d{1,6};");

    private TextFeatures() {
    }

    static Set<Long> of(String text) {
        String clean = normalize(text);
        Set<Long> features = new HashSet<>();
        Matcher links = LINK.matcher(clean);
        boolean anyLink = false;
        while (links.find()) {
            anyLink = true;
            String host = links.group(1).replaceFirst("^www\\.", "");
            features.add(hash("d:" + host));
        }
        if (anyLink) {
            features.add(hash("shape:link"));
        }
        if (LONG_NUMBER.matcher(clean).find()) {
            features.add(hash("shape:number"));
        }
        Matcher words = WORD.matcher(clean);
        String previous = null;
        while (words.find()) {
            String word = words.group();
            features.add(hash("w:" + word));
            if (previous != null) {
                features.add(hash("b:" + previous + " " + word));
            }
            previous = word;
        }
        String raw = text == null ? "" : text;
        long letters = raw.chars().filter(Character::isLetter).count();
        long upper = raw.chars().filter(Character::isUpperCase).count();
        if (letters > 10) {
            features.add(hash("shape:upper" + (10 * upper / letters)));
        }
        features.add(hash("shape:length" + Math.min(12, 32 - Integer.numberOfLeadingZeros(raw.length()))));
        String squeezed = " " + clean.replaceAll("\\s+", " ").strip() + " ";
        for (int n = 2; n <= 6; n++) {
            for (int i = 0; i + n <= squeezed.length(); i++) {
                features.add(hash("c:" + squeezed.substring(i, i + n)));
            }
        }
        return features;
    }

    /** Lower case, compatibility forms folded, HTML tags and entities (as in imported comments) dropped. */
    static String normalize(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return MARKUP.matcher(folded).replaceAll(" ").replace('\uFEFF', ' ');
    }

    /** FNV-1a, 64 bits: stable across JVMs and nodes, unlike String.hashCode's 32 bits collisions. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h ^= (c & 0xff);
            h *= 0x100000001b3L;
            h ^= (c >>> 8);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
