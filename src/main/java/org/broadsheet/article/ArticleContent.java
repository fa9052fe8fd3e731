package org.broadsheet.article;

import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;

/**
 * An article flattened for search indexing and feeds: everything in one record, no further lookups.
 *
 * @param bodyHtml the rendered, sanitised body
 * @param bodyText the body as plain text, for the search index
 * @param sections the article's sections (each carries its trail of parents)
 * @param lead     the lead image, or null
 */
public record ArticleContent(long id, String slug, String language, String title, String standfirst,
                             String bodyHtml, String bodyText, ArticleStatus status, OffsetDateTime publishedAt,
                             OffsetDateTime updatedAt, List<Author> authors, List<Section> sections, List<Tag> tags,
                             Image lead, String leadAlt, String leadCaption, String leadCredit) {

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED && publishedAt != null;
    }
}
