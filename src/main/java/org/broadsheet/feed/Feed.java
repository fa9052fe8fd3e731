package org.broadsheet.feed;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.broadsheet.article.ArticleContent;

/**
 * A feed ready to write: what it is of, its addresses and its newest articles.
 *
 * @param pageUrl  absolute address of the page the feed follows (the site, a section…)
 * @param selfUrl  absolute address of this feed
 * @param fullText whole articles, or standfirst only
 */
record Feed(String title, String description, String language, String pageUrl, String selfUrl, String baseUrl,
            ZoneId zone, boolean fullText, List<ArticleContent> entries) {

    /** The newest change among the entries, or null for an empty feed. */
    OffsetDateTime updated() {
        return entries.stream().map(ArticleContent::updatedAt).max(OffsetDateTime::compareTo).orElse(null);
    }

    /** A guid that never changes for the article, whatever happens to its title, slug or date. */
    String guid(ArticleContent a) {
        return baseUrl + "/?p=" + a.id();
    }
}
