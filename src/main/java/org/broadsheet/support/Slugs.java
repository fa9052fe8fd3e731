package org.broadsheet.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Makes URL slugs from titles: ASCII, lower case, hyphens; Cyrillic is transliterated. */
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
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = CYRILLIC.get(c);
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
