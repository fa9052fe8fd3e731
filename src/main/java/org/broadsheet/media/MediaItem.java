package org.broadsheet.media;

import java.time.OffsetDateTime;

/** An entry of the media library as the newsroom lists it. */
public record MediaItem(long id, String fileName, String mimeType, int width, int height, long byteSize, String alt,
                        String caption, String credit, String url, String thumbnailUrl, OffsetDateTime createdAt) {
}
