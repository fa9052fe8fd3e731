package org.broadsheet.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the search engine knows of an article: flat text and labels, nothing it has to look up.
 *
 * @param sectionPaths the article's sections and all their parents ("opinion", "opinion/news"), so that
 *                     filtering by a section finds articles in the sections below it
 * @param year         the publication year in the site's time zone, for the year facet
 */
public record SearchDocument(long id, String slug, String language, String title, String standfirst, String body,
                             OffsetDateTime publishedAt, OffsetDateTime updatedAt, int year, List<Label> authors,
                             List<Label> sections, List<String> sectionPaths, List<Label> tags) {

    /** A filterable value and its display name: an author's slug and name, a section's path and full name. */
    public record Label(String key, String name) {
    }
}
