package org.broadsheet.article;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Article addresses: {@code /{yyyy}/{mm}/{dd}/{slug}/}, WordPress's most common permalink, so that migrated
 * sites keep their links. The date is the publication date in the site's time zone.
 */
public final class ArticleUrls {

    private ArticleUrls() {
    }

    public static String of(OffsetDateTime publishedAt, String slug, ZoneId zone) {
        return of(publishedAt.atZoneSameInstant(zone).toLocalDate(), slug);
    }

    public static String of(LocalDate date, String slug) {
        // Built by hand: String.format parses its pattern on every call, and pages make dozens of these.
        StringBuilder url = new StringBuilder(slug.length() + 13).append('/');
        int year = date.getYear();
        if (year >= 0 && year < 1000) {
            url.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        url.append(year).append('/');
        twoDigits(url, date.getMonthValue()).append('/');
        twoDigits(url, date.getDayOfMonth()).append('/');
        return url.append(slug).append('/').toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return (value < 10 ? out.append('0') : out).append(value);
    }
}
