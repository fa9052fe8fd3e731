package org.broadsheet.newsroom;

import java.time.OffsetDateTime;

/** One editorial note on an article. */
public record EditorialNote(long id, String authorName, String body, OffsetDateTime createdAt) {
}
