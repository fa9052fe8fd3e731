package org.broadsheet.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes URL slugs from titles: ASCII, lower case, hyphens; Cyrillic and Greek are transliterated. Slugs stay
 * ASCII because every address pattern, form and check of the site expects {@code [a-z0-9-]}; a title in a script
 * with no letter-by-letter spelling (Japanese, Chinese) gives no slug, and the caller chooses one.
 */
public final class Slugs {

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('є', "ye"),
            Map.entry('ґ', "g"));

    /** Greek after ELOT 743 (the Greek government's), letter by letter; its digraphs are in {@link #greek}. */
    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "a"), Map.entry('β', "v"), Map.entry('γ', "g"), Map.entry('δ', "d"),
            Map.entry('ε', "e"), Map.entry('ζ', "z"), Map.entry('η', "i"), Map.entry('θ', "th"),
            Map.entry('ι', "i"), Map.entry('κ', "k"), Map.entry('λ', "l"), Map.entry('μ', "m"),
            Map.entry('ν', "n"), Map.entry('ξ', "x"), Map.entry('ο', "o"), Map.entry('π', "p"),
            Map.entry('ρ', "r"), Map.entry('σ', "s"), Map.entry('ς', "s"), Map.entry('τ', "t"),
            Map.entry('υ', "y"), Map.entry('φ', "f"), Map.entry('χ', "ch"), Map.entry('ψ', "ps"),
            Map.entry('ω', "o"), Map.entry('ϊ', "i"), Map.entry('ϋ', "y"));
    /** After these, υ is spoken f: αυ, ευ, ηυ before them or at a word's end are af, ef, if. */
    private static final String VOICELESS = "θκξπσςτφχψ";

    public static final int MAX_LENGTH = 120;
    // Compiled once: String.matches compiles its pattern at every call (an import checks a slug per post).
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slugs() {
    }

    /** A slug for the text, or an empty string when nothing in it can be spelled in ASCII. */
    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String lower = greekWithoutAccents(text.toLowerCase(Locale.ROOT));
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String latin = CYRILLIC.get(c);
            if (latin == null) {
                latin = greek(lower, i);
            }
            out.append(latin != null ? latin : String.valueOf(c));
        }
        String ascii = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    /**
     * Greek letters without their accents and breathings (ά → α, ἔ → ε), which the table does not list, except the
     * diaeresis of ϊ and ϋ, which says that they are not part of a pair (αϋ is ay, not av). Other letters stay as
     * they are: Cyrillic й and ё must reach their own table entries whole.
     */
    private static String greekWithoutAccents(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '\u0370' && c <= '\u03ff') || (c >= '\u1f00' && c <= '\u1fff')) {
                String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                char base = parts.charAt(0);
                boolean diaeresis = parts.indexOf('\u0308') > 0;
                c = diaeresis && base == 'ι' ? 'ϊ' : diaeresis && base == 'υ' ? 'ϋ' : base;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The Latin spelling of the Greek letter at {@code i}, looking at its neighbours for ELOT's pairs; null if not Greek. */
    private static String greek(String s, int i) {
        char c = s.charAt(i);
        char before = i > 0 ? s.charAt(i - 1) : ' ';
        char after = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
        if (c == 'υ' && before == 'ο') {
            return "u";
        }
        if (c == 'υ' && (before == 'α' || before == 'ε' || before == 'η')) {
            return VOICELESS.indexOf(after) >= 0 || !Character.isLetter(after) ? "f" : "v";
        }
        if (c == 'γ' && (after == 'γ' || after == 'ξ' || after == 'χ')) {
            return "n";
        }
        return GREEK.get(c);
    }

    /**
     * What is wrong with the value as an address (slug), in words for the person who typed it, or null when it is
     * a well-formed slug. Every form that takes an address says the same.
     */
    public static String problem(String value) {
        if (isSlug(value)) {
            return null;
        }
        if (value != null && value.length() > MAX_LENGTH) {
            return "The address is too long (" + MAX_LENGTH + " characters at most).";
        }
        String suggestion = slugify(value);
        return suggestion.isEmpty() || suggestion.equals(value)
                ? "The address may use only letters a–z, digits and hyphens."
                : "The address may use only letters a–z, digits and hyphens, for example \u201c" + suggestion + "\u201d.";
    }

    /** @throws BadRequestException saying {@link #problem} when the value is not a well-formed slug */
    public static void require(String value) {
        String problem = problem(value);
        if (problem != null) {
            throw new BadRequestException(problem);
        }
    }

    /** True when the value is already a well-formed slug. */
    public static boolean isSlug(String value) {
        return value != null && value.length() <= MAX_LENGTH && SLUG.matcher(value).matches();
    }
}
