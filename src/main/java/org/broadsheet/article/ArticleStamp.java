package org.broadsheet.article;

import java.time.OffsetDateTime;

/** The few fields of a published article a sitemap needs. */
public record ArticleStamp(long id, String slug, String language, String title, OffsetDateTime publishedAt,
                           OffsetDateTime updatedAt) {
}
