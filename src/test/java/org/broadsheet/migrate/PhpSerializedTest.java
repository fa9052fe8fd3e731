package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** WordPress's serialized post meta, read as data only, and the resized copies an image's metadata lists. */
class PhpSerializedTest {

    /** An image's metadata as WordPress 6 writes it (abridged): sizes with int and string numbers, a nested array. */
    static final String METADATA = "a:6:{s:5:\"width\";i:1536;s:6:\"height\";i:1024;s:4:\"file\";s:17:\"2024/05/photo.png\";"
            + "s:8:\"filesize\";i:20480;s:5:\"sizes\";a:6:{"
            + "s:9:\"thumbnail\";a:4:{s:4:\"file\";s:17:\"photo-150x150.png\";s:5:\"width\";i:150;s:6:\"height\";i:150;s:9:\"mime-type\";s:9:\"image/png\";}"
            + "s:6:\"medium\";a:4:{s:4:\"file\";s:17:\"photo-300x200.png\";s:5:\"width\";s:3:\"300\";s:6:\"height\";s:3:\"200\";s:9:\"mime-type\";s:9:\"image/png\";}"
            + "s:12:\"medium_large\";a:3:{s:4:\"file\";s:17:\"photo-768x512.png\";s:5:\"width\";i:768;s:6:\"height\";i:512;}"
            + "s:5:\"evil1\";a:1:{s:4:\"file\";s:24:\"../../secret-300x200.png\";}"
            + "s:5:\"large\";a:4:{s:4:\"file\";s:18:\"photo-1024x683.png\";s:5:\"width\";i:1024;s:6:\"height\";i:683;s:9:\"mime-type\";s:9:\"image/png\";}"
            + "s:9:\"2048x2048\";a:3:{s:4:\"file\";s:19:\"photo-2048x1365.png\";s:5:\"width\";i:2048;s:6:\"height\";i:1365;}}"
            + "s:10:\"image_meta\";a:2:{s:8:\"aperture\";s:1:\"0\";s:11:\"orientation\";d:1.5;}}";

    @Test
    void readsWhatWordPressWrites() throws Exception {
        Map<?, ?> meta = (Map<?, ?>) PhpSerialized.read(METADATA);
        assertThat(meta.get("width")).isEqualTo(1536L);
        assertThat(meta.get("file")).isEqualTo("2024/05/photo.png");
        assertThat(((Map<?, ?>) meta.get("image_meta")).get("orientation")).isEqualTo(1.5);

        Map<?, ?> mixed = (Map<?, ?>) PhpSerialized.read("a:4:{i:0;N;i:1;b:1;i:2;O:8:\"stdClass\":1:{s:1:\"x\";i:-7;}i:3;d:INF;}");
        assertThat(mixed.containsKey(0L)).isTrue();
        assertThat(mixed.get(0L)).isNull();
        assertThat(mixed.get(1L)).isEqualTo(true);
        assertThat(mixed.get(2L)).isEqualTo(Map.of("x", -7L));
        assertThat(mixed.get(3L)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aStringsLengthCountsBytesAsPhpDoes() throws Exception {
        // "café-300x200.jpg" is 16 characters and 17 bytes in UTF-8.
        assertThat(PhpSerialized.read("s:17:\"café-300x200.jpg\";")).isEqualTo("café-300x200.jpg");
        assertThatThrownBy(() -> PhpSerialized.read("s:16:\"café-300x200.jpg\";"))
                .isInstanceOf(PhpSerialized.Malformed.class);
    }

    @Test
    void anythingElseIsRefusedWithWhereItWentWrong() {
        String[] broken = {"", "a:1:{s:5:\"sizes\"", "s:999:\"short\";", "i:12x;", "b:2;", "a:-1:{}", "a:1:{a:0:{}i:1;}",
                "C:11:\"ArrayObject\":0:{}", "r:1;", "s:3:\"abc\";trailing", "i:99999999999999999999;",
                "a:1:{i:0;".repeat(40) + "N;" + "}".repeat(40), "a:100000:{}"};
        for (String text : broken) {
            assertThatThrownBy(() -> PhpSerialized.read(text)).as(text).isInstanceOf(PhpSerialized.Malformed.class)
                    .hasMessageContaining("byte");
        }
    }

    @Test
    void anImagesResizedCopiesAreItsSizesBareFileNames() throws Exception {
        assertThat(AttachmentSizes.fileNames(METADATA)).containsExactly("photo-150x150.png", "photo-300x200.png",
                "photo-768x512.png", "photo-1024x683.png", "photo-2048x1365.png");
        assertThat(AttachmentSizes.fileNames("a:2:{s:5:\"width\";i:10;s:6:\"height\";i:10;}")).isEmpty();
        assertThat(AttachmentSizes.fileNames("s:5:\"sizes\";")).isEmpty();
        assertThat(AttachmentSizes.fileNames("a:1:{s:5:\"sizes\";a:2:{s:1:\"a\";a:1:{s:4:\"file\";s:6:\"..\\x.j\";}"
                + "s:1:\"b\";a:1:{s:4:\"file\";s:5:\".htac\";}}}")).isEmpty();
    }

    @Test
    void onlyCopiesOfTheWholeImageHaveItsProportions() {
        assertThat(AttachmentSizes.sameProportions(1536, 1024, 1024, 683)).isTrue();
        assertThat(AttachmentSizes.sameProportions(1536, 1024, 300, 200)).isTrue();
        assertThat(AttachmentSizes.sameProportions(2560, 1707, 300, 200)).isTrue();
        assertThat(AttachmentSizes.sameProportions(1536, 1024, 150, 150)).isFalse();
        assertThat(AttachmentSizes.sameProportions(1536, 1024, 300, 197)).isFalse();
        assertThat(AttachmentSizes.sameProportions(0, 0, 300, 200)).isFalse();
    }
}
