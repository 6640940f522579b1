package org.markguard.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** PNG images made in the test, shaped like marketplace screenshots (a header bar, cards, text lines). */
final class TestImages {
    private TestImages() {
    }

    /** A screenshot-like PNG, {@code width} × {@code height} pixels; {@code seed} varies the content. */
    static byte[] screenshot(int width, int height, int seed) {
        return screenshot(width, height, seed, false);
    }

    /**
     * With {@code photos}, each card holds a product "photo" of noise, which PNG cannot compress:
     * the file is then about as large as a real marketplace screenshot (hundreds of kilobytes).
     */
    static byte[] screenshot(int width, int height, int seed, boolean photos) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(238, 77, 45)); // a marketplace's orange header
            g.fillRect(0, 0, width, Math.min(80, height));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
            g.setColor(Color.WHITE);
            g.drawString("shop #" + seed, 24, Math.min(52, height));
            g.setStroke(new BasicStroke(2));
            for (int y = 110, card = 0; y + 180 < height; y += 220, card++) {
                g.setColor(new Color((seed * 37 + card * 53) % 200 + 30, (seed * 11 + card * 29) % 200 + 30, 160));
                g.fillRect(24, y, 180, 180);
                if (photos) {
                    for (int py = 0; py < 180; py++) {
                        for (int px = 0; px < 180; px++) {
                            image.setRGB(24 + px, y + py, random.nextInt(0x1000000));
                        }
                    }
                }
                g.setColor(Color.GRAY);
                g.drawRect(24, y, width - 48, 180);
                g.setColor(Color.DARK_GRAY);
                for (int line = 0; line < 4; line++) {
                    g.fillRect(230, y + 20 + line * 36, (width - 300) * (4 - line) / 4, 12);
                }
            }
        } finally {
            g.dispose();
        }
        return png(image);
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
