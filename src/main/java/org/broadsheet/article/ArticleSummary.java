package org.broadsheet.article;

import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.taxonomy.Section;

/** An article as a list shows it: home page, section, tag, author and archive pages, related articles. */
public record ArticleSummary(long id, String url, String language, String title, String standfirst,
                             OffsetDateTime publishedAt, List<Author> authors, List<Section> sections,
                             Image lead, String leadAlt) {
}
