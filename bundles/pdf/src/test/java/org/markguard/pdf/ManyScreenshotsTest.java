package org.markguard.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100-listing evidence packet with a screenshot each, written to a file while the heap is watched.
 * The figures are printed, not asserted: GC timing makes any threshold flaky.
 */
class ManyScreenshotsTest {
    private static final int LISTINGS = 100;
    private static final int DISTINCT_SCREENSHOTS = 10;

    @TempDir
    Path directory;

    @Test
    void hundredListingsWithScreenshots() throws IOException {
        // ten different PNGs, each used by ten listings: the model holds 10 arrays, the PDF 100 images
        List<byte[]> screenshots = new ArrayList<>();
        long pngBytes = 0;
        for (int i = 0; i < DISTINCT_SCREENSHOTS; i++) {
            byte[] png = TestImages.screenshot(1280, 1600 + 200 * i, i, true);
            screenshots.add(png);
            pngBytes += png.length;
        }
        List<Block> blocks = new ArrayList<>();
        for (int listing = 1; listing <= LISTINGS; listing++) {
            blocks.add(new Block.Heading(2, "Tin đăng " + listing + ": " + SampleDocuments.PRODUCTS[listing % 4]));
            blocks.add(SampleDocuments.listingFacts(listing));
            blocks.add(new Block.Image(screenshots.get(listing % DISTINCT_SCREENSHOTS), "Ảnh chụp tin đăng " + listing, 520));
            blocks.add(new Block.PageBreak());
        }
        PdfDocument document = new PdfDocument("Gói chứng cứ 100 tin đăng", Locale.forLanguageTag("vi"), "EP-100", blocks);
        Path pdf = directory.resolve("packet-100.pdf");

        long before = HeapUsage.usedAfterGc();
        HeapUsage.resetPeaks();
        long start = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfWriter().write(document, out);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = HeapUsage.peakSum();
        long after = HeapUsage.usedAfterGc();

        System.out.printf(Locale.ROOT, "[heap] %d listings with screenshots (%s of PNG in the model): heap used %s before,"
                        + " %s after, peak of the heap pools %s (max heap %s); PDF %s, %d pages, written in %d ms%n",
                LISTINGS, HeapUsage.megabytes(pngBytes), HeapUsage.megabytes(before), HeapUsage.megabytes(after),
                HeapUsage.megabytes(peak), HeapUsage.megabytes(Runtime.getRuntime().maxMemory()),
                HeapUsage.megabytes(Files.size(pdf)), Poppler.pages(pdf), millis);
        // a screenshot taller than 520 pt at half the page width is split: one image, drawn on two pages
        assertEquals(LISTINGS, Poppler.imageObjects(pdf));
    }
}
