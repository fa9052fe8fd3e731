package org.broadsheet.spam;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the spellings spammers use to slip past word lists: "ch3ck my ch4nnel", "s u b s c r i b e",
 * "freeeee", "example dot com". The learned filter reads both the text as written (its character n-grams) and
 * this plain reading (its words), so that a trick either matches what moderators already marked or is itself
 * learned as a sign of spam. Works on lower-case text from {@link TextFeatures#normalize}.
 */
final class ObfuscatedText {

    /** A word that mixes letters with digits or symbols standing in for letters ("ch3ck", "fr€e", "$ub"). */
    private static final Pattern MIXED_WORD = Pattern.compile("[\\p{L}0-9$€]*\\p{L}[\\p{L}0-9$€]*");
    /** Three or more single letters with one separator between each ("c h e c k", "s.u.b"). */
    private static final Pattern SPACED_LETTERS = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}(?:[ .*_-]\\p{L}){2,}(?![\\p{L}\\p{N}])");
    private static final Pattern SEPARATOR = Pattern.compile("[ .*_-]");
    private static final Pattern REPEATS = Pattern.compile("(\\p{L})\\1{2,}");
    /** "example dot com", "example (dot) net", "example[.]org". */
    private static final Pattern SPELLED_DOT = Pattern.compile(
            "(?:\\s*[(\\[{]\\s*(?:dot|\\.)\\s*[)\\]}]\\s*|\\s+dot\\s+)(com|net|org|info|ru|ly|me|tv|co|io|biz|us|uk|de|xyz)\\b");

    private ObfuscatedText() {
    }

    /** The plain reading of a normalised text. Leaves ordinary words as they are. */
    static String unmask(String text) {
        String s = SPELLED_DOT.matcher(text).replaceAll(".$1");
        s = replace(SPACED_LETTERS, s, spaced -> SEPARATOR.matcher(spaced).replaceAll(""));
        s = replace(MIXED_WORD, s, ObfuscatedText::lettersFor);
        return REPEATS.matcher(s).replaceAll("$1$1");
    }

    /** "ch3ck" becomes "check"; a word of letters only, or one that is mostly digits ("mp3", "2nd"), stays. */
    private static String lettersFor(String word) {
        int letters = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                letters++;
            }
        }
        if (letters == word.length() || letters * 2 <= word.length()) {
            return word;
        }
        StringBuilder plain = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            plain.append(letterFor(word.charAt(i)));
        }
        return plain.toString();
    }

    private static char letterFor(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3', '€' -> 'e';
            case '4' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            default -> c;
        };
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> change) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(change.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
