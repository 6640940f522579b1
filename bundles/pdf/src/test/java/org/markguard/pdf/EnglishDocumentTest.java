package org.markguard.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An English agency report with the same API: text (ligature-prone words too), footer, language. */
class EnglishDocumentTest {
    @TempDir
    Path directory;

    @Test
    void englishReportReadsBack() throws IOException {
        Path pdf = directory.resolve("report-en.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfWriter().write(SampleDocuments.english(TestImages.screenshot(1024, 700, 2)), out);
        }
        String text = VietnameseDocumentTest.collapsed(Poppler.text(pdf));
        int pages = Poppler.pages(pdf);
        assertEquals(2, pages, "text, tables and image on page 1, the chart on page 2");
        for (String expected : new String[] {"Monthly enforcement report", "official file office: fluffy, affluent, efficient",
                "Market Surveillance, Kien Giang", "TikTok Shop", "1,204", "Screenshot of a flagged listing",
                "Flagged listings per platform", "This period", "Baseline", "112", "Report R-2025-03", "Page 1 / 2", "Page 2 / 2"}) {
            assertTrue(text.contains(expected), () -> expected + " missing from:\n" + text);
        }
        assertEquals("Monthly enforcement report", Poppler.info(pdf).get("Title"));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals("en", document.getDocumentCatalog().getLanguage());
        }
        assertEquals(1, Poppler.imageCount(pdf));
    }
}
