package org.markguard.extract.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image bytes with javax.imageio, but reads the declared size first: a small file can
 * declare 100,000 × 100,000 pixels and would take gigabytes once decoded, so such images are
 * refused before any pixel is decoded, and big ones are decoded subsampled.
 */
final class BoundedDecoder {

    /** The outcome: the decoded (possibly subsampled) image or null, the declared size, and why not. */
    record Decoded(BufferedImage image, int width, int height, String warning) {
    }

    static {
        ImageIO.setUseCache(false); // no temp files for each decoded image
    }

    private final long maxPixels;
    private final long decodePixels;

    /**
     * @param maxPixels images declaring more pixels are refused
     * @param decodePixels larger images are decoded subsampled down to about this many pixels
     */
    BoundedDecoder(long maxPixels, long decodePixels) {
        this.maxPixels = maxPixels;
        this.decodePixels = decodePixels;
    }

    Decoded decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new Decoded(null, 0, 0, "not a readable image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (width <= 0 || height <= 0) {
                    return new Decoded(null, 0, 0, "image declares no size");
                }
                if (pixels > maxPixels) {
                    return new Decoded(null, width, height, "refused: declares " + width + "x" + height
                            + " pixels, more than the cap of " + maxPixels);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = pixels <= decodePixels ? 1 : (int) Math.ceil(Math.sqrt((double) pixels / decodePixels));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return new Decoded(reader.read(0, param), width, height, null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Decoded(null, 0, 0, "not decodable: " + shortly(e));
        } catch (OutOfMemoryError e) {
            // the pixel cap should prevent this; if a codec still runs out, the crawl must go on
            return new Decoded(null, 0, 0, "not decodable: out of memory");
        }
    }

    static String shortly(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
