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
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (block == Character.UnicodeBlock.CYRILLIC || block == Character.UnicodeBlock.CYRILLIC_SUPPLEMENTARY) {
                cyrillic++;
            } else if (block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
                    || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                    || block == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
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
