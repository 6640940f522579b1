package org.markguard.extract.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The cell means, and so the hashes, are bit for bit those of the plain per-pixel formula. */
class DifferenceHashTest {

    /** The formula as first written: getRGB per row, every product and the alpha blend per pixel. */
    private static double[] referenceCellGrey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] sum = new double[DifferenceHash.COLUMNS * DifferenceHash.ROWS];
        long[] count = new long[sum.length];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int cellRow = (int) ((long) y * DifferenceHash.ROWS / h) * DifferenceHash.COLUMNS;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                double alpha = (argb >>> 24) / 255.0;
                double lum = 0.299 * (argb >> 16 & 0xff) + 0.587 * (argb >> 8 & 0xff) + 0.114 * (argb & 0xff);
                int cell = cellRow + (int) ((long) x * DifferenceHash.COLUMNS / w);
                sum[cell] += lum * alpha + 255 * (1 - alpha);
                count[cell]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return sum;
    }

    private static BufferedImage withRandomAlpha(long seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(TestImages.scene(seed, width, height), 0, 0, null);
        g.dispose();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < width * height / 3; i++) {
            image.setRGB(rnd.nextInt(width), rnd.nextInt(height), rnd.nextInt());
        }
        return image;
    }

    @Test
    void cellMeansAreExactlyThoseOfThePerPixelFormula() throws IOException {
        for (long seed = 0; seed < 15; seed++) {
            BufferedImage scene = TestImages.scene(seed, 97 + (int) seed * 13, 61 + (int) seed * 7);
            BufferedImage[] images = {scene,
                ImageIO.read(new ByteArrayInputStream(TestImages.jpeg(scene, 0.75f))),
                ImageIO.read(new ByteArrayInputStream(TestImages.png(scene))),
                withRandomAlpha(seed, 50 + (int) seed, 40),
                ImageIO.read(new ByteArrayInputStream(TestImages.png(withRandomAlpha(seed + 100, 64, 48))))};
            for (BufferedImage image : images) {
                double[] expected = referenceCellGrey(image);
                double[] actual = DifferenceHash.cellGrey(image);
                for (int i = 0; i < expected.length; i++) {
                    // compared as bits: equal doubles, not merely close ones
                    assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                            "cell " + i + " of seed " + seed + ", type " + image.getType());
                }
            }
        }
    }

    @Test
    void aFullyTransparentImageIsWhiteAndATinyOneHasEmptyCells() {
        BufferedImage clear = new BufferedImage(20, 16, BufferedImage.TYPE_INT_ARGB);
        double[] grey = DifferenceHash.cellGrey(clear);
        for (double g : grey) {
            assertEquals(255.0, g);
        }
        BufferedImage tiny = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        tiny.setRGB(1, 1, Color.WHITE.getRGB());
        assertArrayEquals(referenceCellGrey(tiny), DifferenceHash.cellGrey(tiny));
    }
}
