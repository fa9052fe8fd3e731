package org.broadsheet.search;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total        matching articles (all pages)
 * @param approximate  true when exact matching found too little and typo-tolerant matching was used
 * @param facets       dimension ("author", "section", "tag", "language", "year") → values with counts
 */
public record SearchResults(List<Hit> hits, long total, boolean approximate, Map<String, List<FacetCount>> facets) {

    public static SearchResults empty() {
        return new SearchResults(List.of(), 0, false, Map.of());
    }

    /**
     * @param snippetHtml a passage of the text with matches in {@code <mark>}; everything else HTML-escaped
     *                    by the highlighter, so it may be written into a page as is
     */
    public record Hit(long id, String slug, String language, String title, String standfirst, String snippetHtml,
                      OffsetDateTime publishedAt, List<SearchDocument.Label> authors,
                      List<SearchDocument.Label> sections) {
    }

    public record FacetCount(String key, long count) {
    }
}
