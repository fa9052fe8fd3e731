package org.broadsheet.migrate;

/**
 * Guesses the language of a text from its script, for posts whose export does not say: kana or CJK
 * ideographs → Japanese, Cyrillic → Russian, otherwise English. Enough for the languages Broadsheet's
 * search analyses; a Latin-script text in another language is reported as English.
 */
final class LanguageDetector {

    private LanguageDetector() {
    }

    static String detect(String text) {
        if (text == null) {
            return "en";
        }
        int letters = 0, cyrillic = 0, japanese = 0;
        int limit = Math.min(text.length(), 20_000);
        boolean inTag = false;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            // Markup and its attribute values say nothing about the language.
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            }
            if (inTag || !Character.isLetter(c)) {
                continue;
            }
            letters++;
            // The Unicode blocks by their ranges: Character.UnicodeBlock.of searches all blocks for every letter.
            if (c < '\u0400') {
                continue;
            }
            if (c <= '\u052F') {
                cyrillic++; // Cyrillic, Cyrillic Supplementary
            } else if ((c >= '\u3040' && c <= '\u30FF') // Hiragana, Katakana
                    || (c >= '\u4E00' && c <= '\u9FFF') // CJK Unified Ideographs
                    || (c >= '\u31F0' && c <= '\u31FF') // Katakana Phonetic Extensions
                    || (c >= '\uFF00' && c <= '\uFFEF')) { // Halfwidth and Fullwidth Forms
                japanese++;
            }
        }
        if (letters == 0) {
            return "en";
        }
        // Japanese text mixes in Latin words; a few kanji in an English text do not make it Japanese.
        if (japanese * 5 >= letters) {
            return "ja";
        }
        if (cyrillic * 3 >= letters) {
            return "ru";
        }
        return "en";
    }
}
