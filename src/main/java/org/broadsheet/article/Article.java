package org.broadsheet.article;

import java.time.OffsetDateTime;

/** A row of the {@code article} table. Pages use {@link ArticlePage} and {@link ArticleSummary} instead. */
public record Article(long id, String slug, String language, String title, String standfirst, String bodyMd,
                      String bodyHtml, ArticleStatus status, OffsetDateTime publishedAt, OffsetDateTime updatedAt,
                      OffsetDateTime createdAt, Long leadMediaId, String leadCredit, String leadCaption,
                      String leadAlt, String editorNoteMd, String editorNoteHtml, Long partnerId,
                      String originalUrl, String permissionNote, String translationGroup, boolean featured,
                      boolean commentsOpen, int version) {

    /** Whether readers can see it at {@code now}: published, and not dated ahead of it. */
    public boolean isPublicAt(OffsetDateTime now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }
}
