package org.broadsheet.media;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An image as a page shows it: the largest file, its resized copies for {@code srcset}, and its texts.
 *
 * @param url      address of the full-size file
 * @param variants resized copies, narrowest first (may be empty)
 */
public record Image(long id, String url, int width, int height, String alt, String caption, String credit,
                    List<Variant> variants) {

    public record Variant(String url, int width, int height) {
    }

    /** The {@code srcset} attribute value: every variant and the original, each with its width. */
    public String srcset() {
        String widths = variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
        String original = url + " " + width + "w";
        return widths.isEmpty() ? original : widths + ", " + original;
    }

    /** The smallest copy at least {@code minWidth} wide, or the original. */
    public String urlFor(int minWidth) {
        return variants.stream().filter(v -> v.width() >= minWidth).map(Variant::url).findFirst().orElse(url);
    }
}
