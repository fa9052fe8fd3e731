package org.broadsheet.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws the demo journal's pictures: abstract lead illustrations, portraits and one chart. The project makes
 * them itself, so the demo carries no one else's images. No text is drawn, so no fonts are needed. They are drawn
 * in 3-byte BGR pixels, the layout the JPEG writer takes as it is, so storing them needs no conversion.
 */
final class DemoImages {

    private DemoImages() {
    }

    /** A 1600×900 illustration in the given hue with one of a few motifs. */
    static BufferedImage lead(int hue, String motif, long seed) {
        int w = 1600;
        int h = 900;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = start(image);
        Color dark = hsb(hue, 0.55f, 0.28f);
        Color light = hsb(hue + 20, 0.35f, 0.85f);
        g.setPaint(new GradientPaint(0, 0, dark, w, h, light));
        g.fillRect(0, 0, w, h);
        Random random = new Random(seed);
        switch (motif) {
            case "waves" -> waves(g, hue, w, h, random);
            case "grid" -> grid(g, hue, w, h, random);
            case "circles" -> circles(g, hue, w, h, random);
            case "mountains" -> mountains(g, hue, w, h, random);
            case "map" -> map(g, hue, w, h, random);
            default -> lines(g, hue, w, h, random);
        }
        g.dispose();
        return image;
    }

    /** A 480×480 head-and-shoulders silhouette on a tinted ground. */
    static BufferedImage portrait(int hue, long seed) {
        int s = 480;
        BufferedImage image = new BufferedImage(s, s, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = start(image);
        g.setPaint(new GradientPaint(0, 0, hsb(hue, 0.25f, 0.92f), s, s, hsb(hue + 30, 0.35f, 0.75f)));
        g.fillRect(0, 0, s, s);
        Random random = new Random(seed);
        Color figure = hsb(hue + 180, 0.35f, 0.30f + random.nextFloat() * 0.15f);
        g.setColor(figure);
        g.fill(new RoundRectangle2D.Double(s * 0.18, s * 0.66, s * 0.64, s * 0.5, s * 0.35, s * 0.35));
        g.fill(new Ellipse2D.Double(s * 0.33, s * 0.22, s * 0.34, s * 0.40));
        g.setColor(hsb(hue, 0.2f, 0.97f));
        g.setStroke(new BasicStroke(10f));
        g.draw(new Ellipse2D.Double(s * 0.06, s * 0.06, s * 0.88, s * 0.88));
        g.dispose();
        return image;
    }

    /** A bar chart of five rising and falling values, for the inline figure. */
    static BufferedImage chart() {
        int w = 1200;
        int h = 640;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = start(image);
        g.setColor(new Color(0xFAF7F2));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xD9D3C7));
        g.setStroke(new BasicStroke(2f));
        for (int y = 80; y <= 560; y += 80) {
            g.drawLine(80, y, w - 60, y);
        }
        int[] values = {62, 71, 58, 44, 49, 38, 35, 41};
        int barWidth = 90;
        for (int i = 0; i < values.length; i++) {
            int x = 120 + i * 125;
            int barHeight = values[i] * 6;
            g.setColor(i < 3 ? new Color(0x7A1F2B) : new Color(0x2F4A6D));
            g.fillRect(x, 560 - barHeight, barWidth, barHeight);
        }
        g.setColor(new Color(0x222222));
        g.setStroke(new BasicStroke(3f));
        g.drawLine(80, 560, w - 60, 560);
        g.dispose();
        return image;
    }

    private static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    private static Color hsb(int hue, float saturation, float brightness) {
        return Color.getHSBColor(((hue % 360) + 360) % 360 / 360f, saturation, Math.min(1f, brightness));
    }

    private static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    private static void waves(Graphics2D g, int hue, int w, int h, Random r) {
        for (int i = 0; i < 14; i++) {
            Path2D path = new Path2D.Double();
            double base = h * 0.25 + i * h * 0.05;
            double amplitude = 20 + r.nextInt(50);
            double phase = r.nextDouble() * Math.PI * 2;
            path.moveTo(0, base);
            for (int x = 0; x <= w; x += 10) {
                path.lineTo(x, base + Math.sin(x / 140.0 + phase) * amplitude);
            }
            g.setColor(translucent(hsb(hue + i * 4, 0.3f, 0.95f), 70 + i * 8));
            g.setStroke(new BasicStroke(3f + i * 0.4f));
            g.draw(path);
        }
    }

    private static void grid(Graphics2D g, int hue, int w, int h, Random r) {
        int cell = 100;
        for (int x = 0; x < w; x += cell) {
            for (int y = 0; y < h; y += cell) {
                if (r.nextInt(3) == 0) {
                    g.setColor(translucent(hsb(hue + r.nextInt(40), 0.5f, 0.9f), 60 + r.nextInt(120)));
                    g.fillRect(x + 8, y + 8, cell - 16, cell - 16);
                }
            }
        }
    }

    private static void circles(Graphics2D g, int hue, int w, int h, Random r) {
        for (int i = 0; i < 18; i++) {
            int d = 80 + r.nextInt(420);
            g.setColor(translucent(hsb(hue + r.nextInt(60) - 30, 0.4f, 0.95f), 40 + r.nextInt(80)));
            g.fill(new Ellipse2D.Double(r.nextInt(w) - d / 2.0, r.nextInt(h) - d / 2.0, d, d));
        }
    }

    private static void mountains(Graphics2D g, int hue, int w, int h, Random r) {
        for (int layer = 0; layer < 4; layer++) {
            Path2D path = new Path2D.Double();
            double base = h * (0.45 + layer * 0.13);
            path.moveTo(0, h);
            path.lineTo(0, base);
            for (int x = 0; x <= w; x += 160) {
                path.lineTo(x + 80, base - 60 - r.nextInt(180));
                path.lineTo(x + 160, base - r.nextInt(60));
            }
            path.lineTo(w, h);
            path.closePath();
            g.setColor(hsb(hue + layer * 6, 0.45f, 0.75f - layer * 0.15f));
            g.fill(path);
        }
    }

    private static void map(Graphics2D g, int hue, int w, int h, Random r) {
        g.setStroke(new BasicStroke(2f));
        g.setColor(translucent(Color.WHITE, 60));
        for (int x = 0; x < w; x += 100) {
            g.drawLine(x, 0, x, h);
        }
        for (int y = 0; y < h; y += 100) {
            g.drawLine(0, y, w, y);
        }
        for (int i = 0; i < 5; i++) {
            Path2D land = new Path2D.Double();
            double cx = 200 + r.nextInt(w - 400);
            double cy = 150 + r.nextInt(h - 300);
            int points = 12;
            for (int p = 0; p < points; p++) {
                double angle = p * Math.PI * 2 / points;
                double radius = 60 + r.nextInt(140);
                double x = cx + Math.cos(angle) * radius;
                double y = cy + Math.sin(angle) * radius * 0.7;
                if (p == 0) {
                    land.moveTo(x, y);
                } else {
                    land.lineTo(x, y);
                }
            }
            land.closePath();
            g.setColor(translucent(hsb(hue + 40, 0.35f, 0.9f), 150));
            g.fill(land);
        }
    }

    private static void lines(Graphics2D g, int hue, int w, int h, Random r) {
        for (int i = 0; i < 40; i++) {
            g.setColor(translucent(hsb(hue + r.nextInt(50), 0.3f, 0.95f), 50 + r.nextInt(100)));
            g.setStroke(new BasicStroke(2f + r.nextInt(8)));
            int x = r.nextInt(w);
            g.drawLine(x, 0, x + r.nextInt(600) - 300, h);
        }
    }
}
