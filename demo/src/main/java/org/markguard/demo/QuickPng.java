package org.markguard.demo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG writer for the site's photos, which are flat tiles: each row is stored as its difference
 * to the row above (PNG filter "Up"), so a row inside a tile is all zeros, and deflated at the
 * fastest level. javax.imageio's writer tries every filter on every row at a higher level and took
 * 1.7 ms a photo, which during a crawl benchmark was CPU taken from the crawler on the same cores;
 * a real marketplace serves its photos as static files. PNG is lossless: the decoded pixels, and so
 * their perceptual hashes, are the same as with javax.imageio's bytes.
 */
final class QuickPng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte FILTER_SUB = 1;
    private static final byte FILTER_UP = 2;

    private QuickPng() {
    }

    /** An 8-bit RGB PNG of an image of type {@link BufferedImage#TYPE_INT_RGB}. */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB || image.getRaster().getParent() != null) {
            throw new IllegalArgumentException("TYPE_INT_RGB images only, not type " + image.getType());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int stride = 1 + 3 * w;
        byte[] raw = new byte[h * stride];
        byte[] previous = new byte[3 * w];
        byte[] current = new byte[3 * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = pixels[y * w + x];
                current[3 * x] = (byte) (p >> 16);
                current[3 * x + 1] = (byte) (p >> 8);
                current[3 * x + 2] = (byte) p;
            }
            int at = y * stride;
            raw[at] = y == 0 ? FILTER_SUB : FILTER_UP;
            for (int i = 0; i < current.length; i++) {
                int predictor = y == 0 ? (i >= 3 ? current[i - 3] : 0) : previous[i];
                raw[at + 1 + i] = (byte) (current[i] - predictor);
            }
            byte[] swap = previous;
            previous = current;
            current = swap;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 16 + 64);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
