package org.broadsheet.migrate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resized copies WordPress made of an uploaded image, as its {@code _wp_attachment_metadata} lists them:
 * {@code sizes => [medium => [file => photo-300x200.jpg, width => 300, height => 200], …]}. The files sit beside
 * the image in the uploads folder, so an import that copies the image can copy them too and offer them to
 * browsers in {@code srcset}, as WordPress did, instead of sending every reader the full-size file.
 */
final class AttachmentSizes {

    /** A theme can add sizes; more than this many is not an image's metadata. */
    private static final int MAX_SIZES = 32;

    private AttachmentSizes() {
    }

    /**
     * The copies' file names, in the metadata's order, without repeats; only bare names (a name with a
     * folder in it could point anywhere). Empty for an image without copies.
     *
     * @throws PhpSerialized.Malformed when the metadata is not a serialized value
     */
    static List<String> fileNames(String metadata) throws PhpSerialized.Malformed {
        if (!(PhpSerialized.read(metadata) instanceof Map<?, ?> meta) || !(meta.get("sizes") instanceof Map<?, ?> sizes)) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object size : sizes.values()) {
            if (size instanceof Map<?, ?> s && s.get("file") instanceof String file && isBareName(file)) {
                names.add(file);
            }
            if (names.size() == MAX_SIZES) {
                break;
            }
        }
        return new ArrayList<>(names);
    }

    private static boolean isBareName(String file) {
        return !file.isBlank() && file.length() <= 255 && !file.startsWith(".") && file.indexOf('/') < 0
                && file.indexOf('\\') < 0 && file.indexOf('\0') < 0;
    }

    /**
     * Whether a copy shows the whole image, only smaller: WordPress's own rule for {@code srcset} (its
     * {@code wp_image_matches_ratio}), within a pixel of the image's proportions. A cropped copy — the square
     * thumbnail — would show a browser that picks it a different picture.
     */
    static boolean sameProportions(int width, int height, int copyWidth, int copyHeight) {
        if (width <= 0 || height <= 0 || copyWidth <= 0 || copyHeight <= 0) {
            return false;
        }
        long expectedHeight = Math.round((double) height * copyWidth / width);
        return Math.abs(expectedHeight - copyHeight) <= 1;
    }
}
