package org.markguard.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text and values as marketplaces deliver them at their worst: the writer must not throw, and poppler must read the result. */
class HostileInputTest {
    private static final String CONTROLS = "A\u0000B\u0007C\u001bD\u007fE\u0085F\u009bG\u200bH\u202eI\ufeffJ";
    private static final String LONE_SURROGATES = "x\ud800y\udc00w\udbff";
    private static final String EMOJI_AND_CJK = "Giá sốc 🔥😀👍🏽 ❤️ 商品名称 한국어 ทดสอบ";
    private static final String TABS = "cột\tmột\t\tcột hai\r\ndòng mới\rdòng nữa";
    private static final int LONG_WORD = 10_000;

    @TempDir
    Path directory;

    @Test
    void hostileTextNeverThrowsAndGivesAValidPdf() throws IOException {
        String longWord = "qz".repeat(LONG_WORD / 2);
        String otherLongWord = "kw".repeat(LONG_WORD / 2); // q and z are counted: only the paragraph has them
        String longUrl = "https://shopee.vn/" + "san-pham-".repeat(60) + "?s=" + "ab".repeat(300);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, CONTROLS + EMOJI_AND_CJK));
        blocks.add(new Block.Heading(7, null));
        blocks.add(new Block.Heading(-3, ""));
        blocks.add(new Block.Paragraph(null));
        blocks.add(new Block.Paragraph(""));
        blocks.add(new Block.Paragraph("   \n\n\t "));
        blocks.add(new Block.Paragraph(CONTROLS));
        blocks.add(new Block.Paragraph(LONE_SURROGATES));
        blocks.add(new Block.Paragraph(EMOJI_AND_CJK));
        blocks.add(new Block.Paragraph(TABS));
        blocks.add(new Block.Paragraph(longWord));
        blocks.add(new Block.Paragraph(longUrl));
        blocks.add(null);
        blocks.add(new Block.KeyValues(null));
        blocks.add(new Block.KeyValues(Arrays.asList(null, new AbstractMap.SimpleEntry<>(null, null),
                Map.entry("", ""), Map.entry(otherLongWord, longUrl), Map.entry(EMOJI_AND_CJK, LONE_SURROGATES))));
        blocks.add(new Block.Table(null, null, null));
        blocks.add(new Block.Table(List.of(), List.of(), List.of()));
        blocks.add(new Block.Table(List.of("only a header"), List.of()));
        blocks.add(new Block.Table(Arrays.asList("a", null, otherLongWord), Arrays.asList(null, List.of(), Arrays.asList(null, "x"),
                List.of(otherLongWord, EMOJI_AND_CJK, CONTROLS, "extra", "cells")), Arrays.asList(-1f, null, Float.NaN, 0f)));
        blocks.add(new Block.Image(null, null, Float.NaN));
        blocks.add(new Block.Image(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}, "broken PNG"));
        blocks.add(new Block.Image("not an image".getBytes(), EMOJI_AND_CJK, -5));
        blocks.add(new Block.BarChart(null, null, null, null));
        blocks.add(new Block.BarChart("NaN", List.of("a", "b"), Arrays.asList(null, new double[] {Double.NaN,
                Double.POSITIVE_INFINITY}), List.of()));
        blocks.add(new Block.BarChart(EMOJI_AND_CJK, Arrays.asList(otherLongWord, null, CONTROLS),
                List.of(new double[] {-5, 1e12, 3.5, 7}, new double[] {1}), Arrays.asList(null, EMOJI_AND_CJK)));
        blocks.add(new Block.PageBreak());
        blocks.add(new Block.PageBreak());
        Path pdf = write(new PdfDocument(CONTROLS + LONE_SURROGATES, null, EMOJI_AND_CJK + "xy".repeat(3000), blocks));

        String text = Poppler.text(pdf);
        assertEquals(LONG_WORD / 2, count(text, 'q'), "every character of the long word is printed");
        assertEquals(LONG_WORD / 2, count(text, 'z'));
        assertTrue(text.contains("\ufffd"), "characters without a glyph show as U+FFFD");
        assertTrue(text.contains("Giá sốc"), "text around them survives");
        assertFalse(text.contains("\u202e") || text.contains("\u0007"), "control characters are dropped");
        assertTrue(text.contains("Page 1 / "), "a null language is English");
        int pages = Poppler.pages(pdf);
        assertTrue(Poppler.text(pdf, pages).contains("1,000,000,000,000"),
                "the last page holds the last chart: the closing page breaks add no empty page");
    }

    @Test
    void emptyDocumentIsOnePage() throws IOException {
        Path pdf = write(new PdfDocument(null, null, null, null));
        assertEquals(1, Poppler.pages(pdf));
    }

    @Test
    void aTallScreenshotIsSplitAcrossPagesAndStoredOnce() throws IOException {
        byte[] fullPage = TestImages.screenshot(1280, 12_000, 7);
        Path pdf = write(new PdfDocument("tall", Locale.ENGLISH, List.of(new Block.Image(fullPage, "full page"))));
        int pages = Poppler.pages(pdf);
        // at half the page width (250 pt for 1,280 px) the 12,000 px are 2,340 pt: four pages of content
        assertTrue(pages >= 3 && pages <= 5, "pages: " + pages);
        assertEquals(pages, Poppler.imageCount(pdf), "one slice per page");
        assertEquals(1, Poppler.imageObjects(pdf), "the same image object on every page");
    }

    @Test
    void missingFontNamesThePathAndTheDebianPackage() {
        Path missing = PdfFonts.DEJAVU_DIRECTORY.resolve("NoSuchFont.ttf");
        PdfWriter writer = new PdfWriter(new PdfFonts(missing, missing));
        MissingFontException e = assertThrows(MissingFontException.class,
                () -> writer.write(new PdfDocument("x", Locale.ENGLISH, List.of()), new ByteArrayOutputStream()));
        assertEquals(missing, e.path());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("fonts-dejavu-core"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAFontIsReportedAsSuch() throws IOException {
        Path notAFont = Files.writeString(directory.resolve("fake.ttf"), "not a font");
        PdfWriter writer = new PdfWriter(new PdfFonts(notAFont, notAFont));
        MissingFontException e = assertThrows(MissingFontException.class,
                () -> writer.write(new PdfDocument("x", Locale.ENGLISH, List.of()), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains(notAFont.toString()), e.getMessage());
    }

    @Test
    void theCallersStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new PdfWriter().write(new PdfDocument("x", Locale.ENGLISH, List.of(new Block.Paragraph("y"))), bytes);
        assertFalse(closed[0]);
        assertTrue(new String(bytes.toByteArray(), 0, 5).startsWith("%PDF-"));
    }

    private Path write(PdfDocument document) throws IOException {
        Path pdf = Files.createTempFile(directory, "hostile", ".pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfWriter().write(document, out);
        }
        Poppler.info(pdf); // fails unless pdfinfo reads it (exit 0)
        return pdf;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
