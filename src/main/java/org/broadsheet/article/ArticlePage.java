package org.broadsheet.article;

import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.author.Author;
import org.broadsheet.comment.CommentService;
import org.broadsheet.media.Image;
import org.broadsheet.site.PageHead;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;

/**
 * Everything the article template shows, assembled before rendering: templates never query.
 *
 * @param bodyHtml       rendered and sanitised when the article was saved
 * @param updatedAt      shown only when it falls on a later day than publication, else null
 * @param lead           the lead image, or null; {@code leadCaption} / {@code leadCredit} / {@code leadAlt} override its texts
 * @param editorNoteHtml rendered and sanitised, or empty
 * @param syndication    the partner that first published the piece, or null
 */
public record ArticlePage(long id, String url, String language, String title, String standfirst, String bodyHtml,
                          OffsetDateTime publishedAt, OffsetDateTime updatedAt, Image lead, String leadCaption,
                          String leadCredit, String leadAlt, List<Author> authors, List<Section> sections,
                          List<Tag> tags, String editorNoteHtml, Syndication syndication,
                          List<Translation> translations, CommentService.Discussion discussion,
                          boolean commentsOpen, List<ArticleSummary> related, PageHead head) {

    /** "This article was originally published by PARTNER…". */
    public record Syndication(String partnerName, String partnerUrl, String originalUrl, String permissionNote) {
    }

    public record Translation(String language, String languageName, String title, String url) {
    }
}
