package org.broadsheet.media;

import java.time.OffsetDateTime;

/** An entry of the media library as the newsroom lists it. */
public record MediaItem(long id, String fileName, String mimeType, int width, int height, long byteSize, String alt,
                        String caption, String credit, String url, String thumbnailUrl, OffsetDateTime createdAt) {

    /** Width × height, or what is known of an image never read (imported and kept at its old address). */
    public String dimensions() {
        return width > 0 && height > 0 ? width + "×" + height : "size unknown";
    }

    /** The {@code width} attribute, null (left out) when the size is unknown; see {@link Image#widthAttribute()}. */
    public Integer widthAttribute() {
        return width > 0 && height > 0 ? width : null;
    }

    public Integer heightAttribute() {
        return width > 0 && height > 0 ? height : null;
    }
}
