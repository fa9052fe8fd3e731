package org.broadsheet.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.stereotype.Component;

/** Resizes an image to the widths pages ask for in {@code srcset}, once, when it is stored. */
@Component
public class ImageVariants {

    /** Widths a page may pick from: phone, tablet/column, wide screen. */
    public static final int[] WIDTHS = {480, 960, 1600};

    record Encoded(int width, int height, byte[] bytes) {
    }

    /**
     * Copies narrower than the image itself, narrowest first, each encoded in the given format ("jpeg" or
     * "png"). Each is scaled from the next wider copy, not from the original: less to read, and every step
     * stays a small reduction.
     */
    List<Encoded> variantsOf(BufferedImage image, String format) throws IOException {
        List<Encoded> out = new ArrayList<>();
        BufferedImage source = image;
        for (int i = WIDTHS.length - 1; i >= 0; i--) {
            int width = WIDTHS[i];
            if (width >= image.getWidth()) {
                continue;
            }
            int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
            BufferedImage scaled = scale(source, width, height);
            out.add(0, new Encoded(width, height, encode(scaled, format)));
            source = scaled;
        }
        return out;
    }

    /**
     * Scales down in bilinear steps of at most 2:1 (halving while the target is at most half as wide), the
     * "progressive bilinear" way: each step reads every pixel of the one before, so a large reduction does not
     * alias as a single bicubic step does (it samples 4×4 source pixels per target pixel, whatever the ratio),
     * and it costs a fraction of bicubic's work — which was most of the first start's demo journal.
     */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        while (current.getWidth() >= 2 * width && current.getHeight() >= 2 * height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == width && current.getHeight() == height ? current : draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    /** Encodes as JPEG (quality 0.85, no alpha) or PNG. */
    public static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if ("png".equals(format)) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        }
        // The JPEG writer takes 3-byte BGR pixels as they are; from int pixels it converts one by one, which
        // made encoding the demo journal's images a large part of the first start.
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = rgb.createGraphics();
            if (image.getColorModel().hasAlpha()) {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
