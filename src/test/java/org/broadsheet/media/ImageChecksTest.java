package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageChecksTest {

    @Test
    void typeComesFromTheBytesNotTheName() throws Exception {
        assertThat(ImageChecks.sniff(TestImages.jpeg(10, 10))).isEqualTo(ImageChecks.Kind.JPEG);
        assertThat(ImageChecks.sniff(TestImages.pngHeader(1, 1))).isEqualTo(ImageChecks.Kind.PNG);
        assertThat(ImageChecks.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ImageChecks.Kind.GIF);
        assertThat(ImageChecks.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ImageChecks.Kind.WEBP);
        assertThat(ImageChecks.sniff("<svg xmlns=...>".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThatThrownBy(() -> ImageChecks.decode("%PDF-1.7 not an image".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("not a JPEG, PNG, WebP or GIF");
    }

    @Test
    void hugeDimensionsAreRefusedBeforeDecoding() {
        assertThatThrownBy(() -> ImageChecks.decode(TestImages.pngHeader(60_000, 60_000)))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("megapixels");
    }

    @Test
    void damagedImageIsRefusedPolitely() throws Exception {
        byte[] jpeg = TestImages.jpeg(50, 50);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 40);
        assertThatThrownBy(() -> ImageChecks.decode(cut)).isInstanceOf(MediaRejected.class);
    }

    @Test
    void exifOrientationIsReadAndApplied() throws Exception {
        byte[] tagged = TestImages.withExif(TestImages.jpeg(40, 20), 6);
        assertThat(ImageChecks.orientation(tagged)).isEqualTo(6);
        BufferedImage upright = ImageChecks.decode(tagged);
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        // Rotated a quarter turn clockwise: the red left half is now on top.
        assertThat(new Color(upright.getRGB(10, 5)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(10, 35)).getBlue()).isGreaterThan(200);
    }

    @Test
    void everyOrientationKeepsTheImageSize() throws Exception {
        BufferedImage src = new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB);
        for (int o = 1; o <= 8; o++) {
            BufferedImage out = ImageChecks.orient(src, o);
            assertThat(out.getWidth() * out.getHeight()).as("orientation %d", o).isEqualTo(300);
            assertThat(out.getWidth()).isEqualTo(o >= 5 ? 10 : 30);
        }
    }
}
