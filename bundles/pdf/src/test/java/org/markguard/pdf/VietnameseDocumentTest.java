package org.markguard.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Vietnamese evidence packet, read back with poppler: text, page count, fonts, images, metadata. */
class VietnameseDocumentTest {
    /**
     * The text page; the table: 40 one-line rows fit under the header on an A4 page, 38 on its first
     * page (below the heading), so 200 rows take pages 2 to 7; the image and chart page.
     */
    private static final int EXPECTED_PAGES = 1 + 6 + 1;
    private static final Pattern ROW = Pattern.compile("R\\d{4}");

    @TempDir
    static Path directory;
    private static Path pdf;
    private static String text;

    @BeforeAll
    static void write() throws IOException {
        pdf = directory.resolve("packet-vi.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfWriter().write(SampleDocuments.vietnamese(TestImages.screenshot(1280, 900, 1)), out);
        }
        text = Poppler.text(pdf);
    }

    @Test
    void vietnameseTextComesOutIntactAndComposed() {
        String flat = collapsed(text);
        for (String product : SampleDocuments.PRODUCTS) {
            assertTrue(flat.contains(product), () -> product + " missing from:\n" + text);
        }
        assertTrue(flat.contains(SampleDocuments.STACKED), () -> "stacked diacritics:\n" + text);
        assertTrue(flat.contains("Dấu chồng NFD: Nghệ Ỷ Lại ặ ễ ỗ ự ỹ"), "NFD input comes out composed");
        assertTrue(flat.contains(SampleDocuments.VI_TITLE), "title");
        assertTrue(flat.contains("Nguyễn Thị Hồng Nhung"), "key/value value");
        assertTrue(flat.contains("Kỳ này") && flat.contains("Kỳ trước"), "chart legend");
        assertEquals(Normalizer.normalize(text, Normalizer.Form.NFC), text, "no decomposed letter in the PDF text");
    }

    @Test
    void pageCountAndTableRepeatsItsHeaderOnEveryPageItSpans() {
        int pages = Poppler.pages(pdf);
        assertEquals(EXPECTED_PAGES, pages);
        List<Integer> tablePages = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            String pageText = Poppler.text(pdf, page);
            assertTrue(pageText.contains("Trang " + page + " / " + pages), "footer with page number on " + page);
            assertTrue(pageText.contains("Gói EP-2025-0042"), "footer text on page " + page);
            Matcher row = ROW.matcher(pageText);
            boolean any = false;
            while (row.find()) {
                rows.add(row.group());
                any = true;
            }
            if (any) {
                tablePages.add(page);
                assertTrue(collapsed(pageText).contains("Tên sản phẩm"), "header repeated on page " + page);
            }
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7), tablePages);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= SampleDocuments.TABLE_ROWS; i++) {
            expected.add(SampleDocuments.rowCode(i));
        }
        assertEquals(expected, rows, "every row once, in order");
    }

    @Test
    void fontsAreEmbeddedSubsets() {
        List<Map<String, String>> fonts = Poppler.fonts(pdf);
        assertEquals(2, fonts.size(), () -> "fonts: " + fonts);
        for (Map<String, String> font : fonts) {
            assertEquals("yes", font.get("emb"), () -> "embedded: " + font);
            assertEquals("yes", font.get("sub"), () -> "subset: " + font);
            assertEquals("yes", font.get("uni"), () -> "ToUnicode map: " + font);
            assertTrue(font.get("name").matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"), () -> "name: " + font);
        }
    }

    @Test
    void imageIsEmbeddedOnce() {
        assertEquals(1, Poppler.imageCount(pdf));
    }

    @Test
    void metadataNamesTitleLanguageProducerAndDate() throws IOException {
        Map<String, String> info = Poppler.info(pdf);
        assertEquals(SampleDocuments.VI_TITLE, info.get("Title"));
        assertEquals("markguard", info.get("Producer"));
        assertTrue(info.containsKey("CreationDate"), () -> "creation date: " + info);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals("vi", document.getDocumentCatalog().getLanguage());
        }
    }

    /** pdftotext -layout pads columns with spaces and breaks lines: compare with runs of space as one. */
    static String collapsed(String extracted) {
        return extracted.replaceAll("\\s+", " ");
    }
}
