package org.broadsheet.newsroom;

import java.time.OffsetDateTime;

/** A saved state of an article's text. Autosaves in a row by one person share one revision. */
public record Revision(long id, long articleId, int version, String title, String standfirst, String bodyMd,
                       Long savedBy, String savedByName, boolean autosave, OffsetDateTime savedAt) {
}
