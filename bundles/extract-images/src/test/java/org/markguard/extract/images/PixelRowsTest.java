package org.markguard.extract.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The direct pixel read gives exactly what getRGB gives, so hashes do not change with it. */
class PixelRowsTest {

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    /** A scene with translucent noise on top, so alpha channels hold more than 255. */
    private static BufferedImage translucent(long seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(TestImages.scene(seed, width, height), 0, 0, null);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            g.fillRect(rnd.nextInt(width), rnd.nextInt(height), 7, 5);
        }
        g.dispose();
        for (int i = 0; i < 500; i++) {
            image.setRGB(rnd.nextInt(width), rnd.nextInt(height), rnd.nextInt()); // any alpha, any colour
        }
        return image;
    }

    private static BufferedImage as(BufferedImage source, int type) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), type);
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                out.setRGB(x, y, source.getRGB(x, y));
            }
        }
        return out;
    }

    private static void assertSameAsGetRgb(BufferedImage image, boolean direct) {
        PixelRows rows = PixelRows.of(image);
        assertEquals(direct, rows.direct(), "read directly: type " + image.getType() + " " + image.getColorModel());
        int w = image.getWidth();
        int[] expected = new int[w];
        int[] actual = new int[w];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, w, 1, expected, 0, w);
            rows.read(y, actual);
            assertArrayEquals(expected, actual, "row " + y + " of type " + image.getType());
        }
    }

    @Test
    void decodedJpegsAndPngsAreReadDirectlyWithTheValuesOfGetRgb() throws IOException {
        BufferedImage scene = TestImages.scene(7, 161, 97);
        assertSameAsGetRgb(decode(TestImages.jpeg(scene, 0.8f)), true);
        assertSameAsGetRgb(decode(TestImages.png(scene)), true);
        assertSameAsGetRgb(decode(TestImages.png(translucent(8, 123, 77))), true); // RGBA PNG
        assertSameAsGetRgb(as(scene, BufferedImage.TYPE_3BYTE_BGR), true);
        assertSameAsGetRgb(as(translucent(9, 64, 48), BufferedImage.TYPE_4BYTE_ABGR), true);
    }

    @Test
    void otherLayoutsGoThroughGetRgb() throws IOException {
        BufferedImage scene = TestImages.scene(11, 90, 70);
        assertSameAsGetRgb(scene, false); // packed ints
        assertSameAsGetRgb(as(translucent(12, 50, 40), BufferedImage.TYPE_4BYTE_ABGR_PRE), false);
        assertSameAsGetRgb(as(scene, BufferedImage.TYPE_BYTE_GRAY), false);
        assertSameAsGetRgb(decode(TestImages.png(as(scene, BufferedImage.TYPE_BYTE_GRAY))), false);
        assertSameAsGetRgb(as(scene, BufferedImage.TYPE_BYTE_INDEXED), false);
        assertSameAsGetRgb(as(scene, BufferedImage.TYPE_USHORT_565_RGB), false);
        BufferedImage bgr = as(scene, BufferedImage.TYPE_3BYTE_BGR);
        assertSameAsGetRgb(bgr.getSubimage(5, 7, 40, 30), false); // a view into a bigger raster
    }

    @Test
    void theHashOfADecodedPhotoIsTheHashOfItsGetRgbCopy() throws IOException {
        for (long seed = 0; seed < 20; seed++) {
            BufferedImage decoded = decode(TestImages.jpeg(TestImages.scene(seed, 200 + (int) seed, 150), 0.7f));
            BufferedImage copy = as(decoded, BufferedImage.TYPE_INT_ARGB); // hashed through getRGB
            assertTrue(PixelRows.of(decoded).direct());
            assertEquals(DifferenceHash.of(copy), DifferenceHash.of(decoded), "seed " + seed);
        }
    }
}
