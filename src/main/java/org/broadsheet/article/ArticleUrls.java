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
        return String.format("/%04d/%02d/%02d/%s/", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), slug);
    }
}
