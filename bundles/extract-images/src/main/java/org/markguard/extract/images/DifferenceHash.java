package org.markguard.extract.images;

import java.awt.image.BufferedImage;

/**
 * The 64-bit difference hash (dHash) of an image: grey levels averaged over a 9×8 grid, then one
 * bit per pair of horizontal neighbours, set when the left cell is brighter. Averaging over whole
 * cells (rather than sampling) is what keeps the hash stable across resizing and re-encoding.
 */
final class DifferenceHash {
    static final int COLUMNS = 9;
    static final int ROWS = 8;

    private DifferenceHash() {
    }

    /** The hash as 16 lower-case hex digits, row by row, most significant bit first. */
    static String of(BufferedImage image) {
        double[] grey = cellGrey(image);
        long bits = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS - 1; c++) {
                bits = bits << 1 | (grey[r * COLUMNS + c] > grey[r * COLUMNS + c + 1] ? 1 : 0);
            }
        }
        return String.format("%016x", bits);
    }

    /** Number of differing bits between two hashes of {@link #of}. */
    static int distance(String a, String b) {
        return Long.bitCount(Long.parseUnsignedLong(a, 16) ^ Long.parseUnsignedLong(b, 16));
    }

    /*
     * Per-channel products and alpha fractions from tables: each entry is the very double the
     * expression 0.299 * r (etc.) gives, and the sums keep their order, so every cell value, and so
     * every hash, is bit for bit what the per-pixel arithmetic gives. For an opaque pixel alpha is
     * exactly 1.0 and lum * 1.0 + 255 * 0.0 is exactly lum: the blend with white is skipped.
     */
    private static final double[] RED = new double[256];
    private static final double[] GREEN = new double[256];
    private static final double[] BLUE = new double[256];
    private static final double[] ALPHA = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            RED[v] = 0.299 * v;
            GREEN[v] = 0.587 * v;
            BLUE[v] = 0.114 * v;
            ALPHA[v] = v / 255.0;
        }
    }

    /** Mean luminance (0–255) of each grid cell; transparent pixels count as white, as shown on a page. */
    static double[] cellGrey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[] sum = new double[COLUMNS * ROWS];
        long[] count = new long[COLUMNS * ROWS];
        int[] cellColumn = new int[w];
        for (int x = 0; x < w; x++) {
            cellColumn[x] = (int) ((long) x * COLUMNS / w);
        }
        PixelRows rows = PixelRows.of(image);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            rows.read(y, row);
            int cellRow = (int) ((long) y * ROWS / h) * COLUMNS;
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                double lum = RED[argb >> 16 & 0xff] + GREEN[argb >> 8 & 0xff] + BLUE[argb & 0xff];
                int a = argb >>> 24;
                int cell = cellRow + cellColumn[x];
                if (a == 0xff) {
                    sum[cell] += lum;
                } else {
                    double alpha = ALPHA[a];
                    sum[cell] += lum * alpha + 255 * (1 - alpha);
                }
                count[cell]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = count[i] == 0 ? 0 : sum[i] / count[i];
        }
        return sum;
    }
}
