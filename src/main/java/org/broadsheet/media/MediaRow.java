package org.broadsheet.media;

import java.time.OffsetDateTime;

/** A row of the {@code media} table. */
record MediaRow(long id, String storageKey, String fileName, String mimeType, Integer width, Integer height,
                long byteSize, String altText, String caption, String credit, OffsetDateTime createdAt) {
}
