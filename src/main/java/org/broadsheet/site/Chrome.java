package org.broadsheet.site;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.broadsheet.taxonomy.Section;

/**
 * The parts every public page shares: masthead, navigation, footer, and the stylesheet's fingerprinted
 * address. Also formats dates the way the site and each article's language expect.
 */
public record Chrome(String siteTitle, String tagline, String siteLanguage, ZoneId timeZone,
                     List<Section> navigation, String stylesheetUrl, int year) {

    /** "25 November 2026", "25 ноября 2026 г.", "2026年11月25日" — in the site's time zone. */
    public String date(OffsetDateTime time, String language) {
        return time.atZoneSameInstant(timeZone).format(LONG_DATES.computeIfAbsent(language,
                l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(l))));
    }

    /** Formatters by language: building one looks up the locale's patterns, too slow for every date shown. */
    private static final Map<String, DateTimeFormatter> LONG_DATES = new ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> DATE_TIMES = new ConcurrentHashMap<>();

    public String date(OffsetDateTime time) {
        return date(time, siteLanguage);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String isoDate(OffsetDateTime time) {
        return time.atZoneSameInstant(timeZone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** "25 Nov 2026, 14:05" for comments. */
    public String dateTime(OffsetDateTime time) {
        return time.atZoneSameInstant(timeZone).format(DATE_TIMES.computeIfAbsent(siteLanguage,
                l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(l))));
    }

    public static String languageName(String language) {
        return switch (language) {
            case "en" -> "English";
            case "ru" -> "Русский";
            case "ja" -> "日本語";
            default -> Locale.forLanguageTag(language).getDisplayLanguage(Locale.forLanguageTag(language));
        };
    }
}
