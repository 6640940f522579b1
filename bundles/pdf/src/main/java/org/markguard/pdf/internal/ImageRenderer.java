package org.markguard.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.markguard.pdf.Block;

/**
 * Images, typically screenshots. Scaled to the page width (never above 96 dpi, the pixel size of a
 * browser screenshot) and to the height limit; an image that would have to shrink below half the
 * page width to fit (a full-page screenshot) is printed at that width and split into slices, one
 * per page, each slice the same image clipped, so it is stored once.
 */
final class ImageRenderer {
    /** points per pixel at 96 dpi */
    private static final float POINTS_PER_PIXEL = 0.75f;
    private static final float MIN_WIDTH_SHARE = 0.5f;
    /** a slice shorter than this is not started at the bottom of a page */
    private static final float MIN_SLICE = 96;
    /** 100 megapixels, e.g. 1,920 × 52,000: more is refused rather than risking the heap */
    private static final long MAX_PIXELS = 100_000_000L;

    private final PDDocument document;
    private final PageFlow flow;
    private final TextRenderer text;
    private final Wording wording;
    private int count;

    ImageRenderer(PDDocument document, PageFlow flow, TextRenderer text, Wording wording) {
        this.document = document;
        this.flow = flow;
        this.text = text;
        this.wording = wording;
    }

    void image(Block.Image block) throws IOException {
        PDImageXObject image = read(block.png());
        if (image == null) {
            text.notice(wording.unreadableImage() + (block.caption().isEmpty() ? "" : ": " + block.caption()));
            return;
        }
        float pixelsWide = image.getWidth();
        float pixelsHigh = image.getHeight();
        float captionHeight = block.caption().isBlank() ? 0 : Style.CELL_PADDING + text.captionHeight(block.caption());
        float pageRoom = Math.max(Style.contentHeight() - captionHeight, Style.contentHeight() / 2);
        float heightLimit = block.maxHeightPt() > 0 ? Math.min(block.maxHeightPt(), pageRoom) : pageRoom;

        float scale = Math.min(POINTS_PER_PIXEL, flow.width() / pixelsWide);
        if (pixelsHigh * scale > heightLimit) {
            scale = Math.max(heightLimit / pixelsHigh, Math.min(scale, MIN_WIDTH_SHARE * flow.width() / pixelsWide));
        }
        float width = pixelsWide * scale;
        float height = pixelsHigh * scale;
        float x = flow.left() + (flow.width() - width) / 2;
        if (height <= heightLimit + 0.01f) {
            flow.reserve(height + captionHeight);
            drawSlice(image, x, width, height, 0, Math.min(height, flow.remaining()));
        } else {
            drawSliced(image, x, width, height);
        }
        if (captionHeight > 0) {
            flow.reserve(captionHeight);
            flow.advance(Style.CELL_PADDING);
            text.caption(block.caption());
        }
        flow.gap(Style.BLOCK_GAP);
    }

    private void drawSliced(PDImageXObject image, float x, float width, float height) throws IOException {
        float done = 0;
        while (done < height - 0.01f) {
            if (flow.remaining() < Math.min(MIN_SLICE, height - done) && !flow.atPageTop()) {
                flow.newPage();
            }
            float slice = Math.min(flow.remaining(), height - done);
            drawSlice(image, x, width, height, done, slice);
            done += slice;
        }
    }

    /** Draws the band of the image (scaled to width × height) from {@code offset} down, {@code slice} high. */
    private void drawSlice(PDImageXObject image, float x, float width, float height, float offset, float slice)
            throws IOException {
        float top = flow.top();
        Ink ink = flow.ink();
        PDPageContentStream content = ink.content();
        content.saveGraphicsState();
        content.addRect(x, top - slice, width, slice);
        content.clip();
        content.drawImage(image, x, top + offset - height, width, height);
        content.restoreGraphicsState();
        ink.strokeRect(Style.RULE, 0.5f, x, top - slice, width, slice);
        flow.advance(slice);
    }

    /** The image in the document, or null when the bytes are not an image PDFBox can read. */
    private PDImageXObject read(byte[] bytes) {
        if (bytes.length == 0 || tooLarge(bytes)) {
            return null;
        }
        try {
            // PNG data is copied into the PDF without decoding where the format allows it
            PDImageXObject image = PDImageXObject.createFromByteArray(document, bytes, "image-" + (++count));
            return image.getWidth() > 0 && image.getHeight() > 0 ? image : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the image header claims more pixels than are safe to handle (PDFBox may decode them on the heap). */
    private static boolean tooLarge(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return false; // not for ImageIO: PDFBox decides
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
