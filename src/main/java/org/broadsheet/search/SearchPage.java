package org.broadsheet.search;

import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.site.PageHead;
import org.broadsheet.support.PageOf;

/**
 * The search page: the form, what was found, and ways to narrow it.
 *
 * @param notices   things the reader should know about the query ("only the first 12 words were used")
 * @param active    filters in force, each with the address that removes it
 * @param facets    groups of values to narrow by, with counts
 * @param results   the page of results (items are {@link Result})
 * @param pageUrls  address of each results page, by number, for the pagination links
 */
public record SearchPage(PageHead head, String query, boolean searched, boolean byDate, String relevanceUrl,
                         String dateUrl, List<String> notices, boolean approximate, List<ActiveFilter> active,
                         List<FacetGroup> facets, PageOf<Result> results, java.util.function.IntFunction<String> pageUrls) {

    /**
     * @param snippetHtml passages of the body with matches in {@code <mark>}, escaped by the highlighter
     */
    public record Result(String url, String language, String title, String standfirst, String snippetHtml,
                         OffsetDateTime publishedAt, List<Link> authors, List<Link> sections) {
    }

    public record Link(String name, String url) {
    }

    public record ActiveFilter(String label, String value, String removeUrl) {
    }

    public record FacetGroup(String label, List<FacetValue> values) {
    }

    public record FacetValue(String name, long count, String url, boolean selected) {
    }
}
