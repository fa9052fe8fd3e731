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

    /**
     * The {@code srcset} attribute value: every variant and the original, each with its width; null (the attribute
     * left out: jte drops an attribute whose only output is null) for an image of unknown size without copies.
     */
    public String srcset() {
        String widths = variants.stream().map(v -> v.url() + " " + v.width() + "w").collect(Collectors.joining(", "));
        if (width <= 0) {
            return widths.isEmpty() ? null : widths;
        }
        String original = url + " " + width + "w";
        return widths.isEmpty() ? original : widths + ", " + original;
    }

    /**
     * The {@code width} attribute: null, so left out, when the size is unknown — an imported image kept at its old
     * address was never read — rather than 0, which would draw it as nothing.
     */
    public Integer widthAttribute() {
        return width > 0 && height > 0 ? width : null;
    }

    /** The {@code height} attribute, left out as {@link #widthAttribute()} is. */
    public Integer heightAttribute() {
        return width > 0 && height > 0 ? height : null;
    }

    /** The smallest copy at least {@code minWidth} wide, or the original. */
    public String urlFor(int minWidth) {
        return variants.stream().filter(v -> v.width() >= minWidth).map(Variant::url).findFirst().orElse(url);
    }
}
