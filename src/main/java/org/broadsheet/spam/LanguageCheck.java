package org.broadsheet.spam;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The text's writing system against the article's language: a comment in Latin script under a Japanese
 * article is common enough (English replies), so this is a mild signal, and only when the text has no letter
 * at all of the article's script.
 */
@Component
class LanguageCheck implements SpamCheck {

    private static final Map<String, String> SCRIPT = Map.of("ru", "Cyrillic", "uk", "Cyrillic", "ja", "Japanese",
            "en", "Latin", "de", "Latin", "fr", "Latin", "es", "Latin");

    @Override
    public SpamSignal check(CommentDraft draft, SpamRules rules) {
        String expected = draft.articleLanguage() == null ? null : SCRIPT.get(draft.articleLanguage());
        if (expected == null) {
            return SpamSignal.neutral("language");
        }
        int latin = 0;
        int cyrillic = 0;
        int japanese = 0;
        int other = 0;
        for (int i = 0; i < draft.text().length(); ) {
            int cp = draft.text().codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                japanese++;
            } else {
                other++;
            }
        }
        int letters = latin + cyrillic + japanese + other;
        if (letters < 20) {
            return SpamSignal.neutral("language");
        }
        int ofExpected = expected.equals("Latin") ? latin : expected.equals("Cyrillic") ? cyrillic : japanese;
        if (ofExpected > 0) {
            return SpamSignal.neutral("language");
        }
        // English under a Russian or Japanese article is ordinary; any other script under any article is unusual.
        boolean englishAbroad = latin * 2 > letters && !expected.equals("Latin");
        return SpamSignal.of("language", englishAbroad ? 0.5 : 1.5,
                "written in a different script from the article (" + expected + ")");
    }
}
