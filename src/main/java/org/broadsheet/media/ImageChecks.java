package org.broadsheet.media;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides what an uploaded file is from its first bytes (never its name), refuses images too large to
 * decode safely before decoding them, and applies the EXIF orientation a camera recorded.
 */
final class ImageChecks {

    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_SIDE = 20_000;

    enum Kind { JPEG, PNG, GIF, WEBP }

    private ImageChecks() {
    }

    /** The image type the bytes start with, or null when they are none of the four we take. */
    static Kind sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Kind.JPEG;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Kind.PNG;
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Kind.GIF;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Kind.WEBP;
        }
        return null;
    }

    /** Checks size and dimensions (read from the header only), then decodes the first frame. */
    static BufferedImage decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new MediaRejected("The file is too large (" + megabytes(bytes.length) + "); the limit is " + (MAX_BYTES / (1024 * 1024)) + " MB. Make it smaller and try again.");
        }
        Kind kind = sniff(bytes);
        if (kind == null) {
            throw new MediaRejected("This file is not a JPEG, PNG, WebP or GIF image (whatever its name says).");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new MediaRejected("This " + kind + " image cannot be read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                    throw new MediaRejected("This image is " + width + " \u00d7 " + height + " pixels ("
                            + (width * height / 1_000_000) + " megapixels); the limit is " + (MAX_PIXELS / 1_000_000)
                            + " megapixels and " + MAX_SIDE + " pixels a side. Images this large are refused so that "
                            + "a small file cannot unpack into gigabytes of memory; resize it and try again.");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new MediaRejected("This " + kind + " image cannot be read.");
                }
                return kind == Kind.JPEG ? orient(image, orientation(bytes)) : image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRejected r) {
                throw r;
            }
            throw new MediaRejected("This " + kind + " image is damaged or incomplete and cannot be read.");
        }
    }

    /** The EXIF orientation (1–8) of a JPEG, or 1 when it records none. */
    static int orientation(byte[] b) {
        int i = 2;
        while (i + 4 < b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            if (marker == 0xDA || length < 2) {
                break;
            }
            if (marker == 0xE1 && i + 10 < b.length && b[i + 4] == 'E' && b[i + 5] == 'x' && b[i + 6] == 'i' && b[i + 7] == 'f') {
                return tiffOrientation(b, i + 10, Math.min(b.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I';
        int ifd = tiff + read(b, tiff + 4, 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return 1;
        }
        int entries = read(b, ifd, 2, little);
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + e * 12;
            if (at + 12 > end) {
                break;
            }
            if (read(b, at, 2, little) == 0x0112) {
                int value = read(b, at + 8, 2, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int read(byte[] b, int at, int size, boolean little) {
        int v = 0;
        for (int k = 0; k < size; k++) {
            int shift = little ? 8 * k : 8 * (size - 1 - k);
            v |= (b[at + k] & 0xFF) << shift;
        }
        return v;
    }

    /** Turns the pixels the way the camera's orientation tag says, so that the re-encoded file needs no tag. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        AffineTransform t;
        switch (orientation) {
            case 2: t = new AffineTransform(-1, 0, 0, 1, w, 0); break;
            case 3: t = new AffineTransform(-1, 0, 0, -1, w, h); break;
            case 4: t = new AffineTransform(1, 0, 0, -1, 0, h); break;
            case 5: t = new AffineTransform(0, 1, 1, 0, 0, 0); break;
            case 6: t = new AffineTransform(0, 1, -1, 0, h, 0); break;
            case 7: t = new AffineTransform(0, -1, -1, 0, h, w); break;
            default: t = new AffineTransform(0, -1, 1, 0, 0, w); break;
        }
        boolean swap = orientation >= 5;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h,
                src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = dst.createGraphics();
        g.drawImage(src, t, null);
        g.dispose();
        return dst;
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
    }
}
