package org.markguard.extract.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Rows of an image as the ARGB values {@link BufferedImage#getRGB} gives, read straight from the
 * pixel bytes where that is exact: 8-bit, non-premultiplied sRGB in one interleaved byte array,
 * which is what javax.imageio decodes JPEGs and RGB(A) PNGs into. {@code getRGB} converts each
 * pixel through the generic colour-model path, which was three quarters of the cost of hashing a
 * photo; every other layout (grey, palette, 16-bit, packed ints) still goes through it.
 */
abstract class PixelRows {

    /** Fills {@code argb} with row {@code y}, one value per column. */
    abstract void read(int y, int[] argb);

    /** Whether the pixels are read from the bytes, not through {@code getRGB}. */
    abstract boolean direct();

    static PixelRows of(BufferedImage image) {
        PixelRows direct = interleavedBytes(image);
        return direct != null ? direct : new PixelRows() {
            @Override
            void read(int y, int[] argb) {
                image.getRGB(0, y, image.getWidth(), 1, argb, 0, image.getWidth());
            }

            @Override
            boolean direct() {
                return false;
            }
        };
    }

    /** The direct reader for an interleaved 8-bit sRGB byte image, or null for any other layout. */
    private static PixelRows interleavedBytes(BufferedImage image) {
        Raster raster = image.getRaster();
        if (!(image.getColorModel() instanceof ComponentColorModel cm)
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || raster.getParent() != null || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0 || buffer.getNumBanks() != 1
                || cm.getColorSpace().getType() != ColorSpace.TYPE_RGB || !cm.getColorSpace().isCS_sRGB()
                || cm.isAlphaPremultiplied() || cm.getTransferType() != DataBuffer.TYPE_BYTE) {
            return null;
        }
        int bands = sm.getNumBands();
        boolean alpha = cm.hasAlpha();
        if (bands != (alpha ? 4 : 3) || cm.getNumComponents() != bands) {
            return null;
        }
        for (int size : cm.getComponentSize()) {
            if (size != 8) {
                return null;
            }
        }
        int[] offsets = sm.getBandOffsets();
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        int a = alpha ? offsets[3] : -1;
        int pixelStride = sm.getPixelStride();
        int scanlineStride = sm.getScanlineStride();
        int origin = buffer.getOffset();
        byte[] data = buffer.getData();
        int width = image.getWidth();
        return new PixelRows() {
            @Override
            void read(int y, int[] argb) {
                int i = origin + y * scanlineStride;
                for (int x = 0; x < width; x++, i += pixelStride) {
                    int opacity = a < 0 ? 0xff : data[i + a] & 0xff;
                    argb[x] = opacity << 24 | (data[i + r] & 0xff) << 16 | (data[i + g] & 0xff) << 8 | data[i + b] & 0xff;
                }
            }

            @Override
            boolean direct() {
                return true;
            }
        };
    }
}
