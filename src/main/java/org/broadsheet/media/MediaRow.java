package org.broadsheet.media;

import java.time.OffsetDateTime;

/**
 * A row of the {@code media} table.
 *
 * @param remoteUrl set for an imported file that was not at hand: the image is shown from this address
 */
record MediaRow(long id, String storageKey, String fileName, String mimeType, Integer width, Integer height,
                long byteSize, String altText, String caption, String credit, OffsetDateTime createdAt,
                String remoteUrl) {
}
