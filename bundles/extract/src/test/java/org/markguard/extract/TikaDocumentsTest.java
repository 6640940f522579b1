package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Tika's limits, on real PDFs written by PDFBox (no fakes): each limit refuses what breaks it. */
class TikaDocumentsTest {

    /** One page whose compressed content stream shows {@code lines} copies of one line. */
    private static byte[] repetitivePdf(int lines, String line) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 2);
                content.newLineAtOffset(10, 780);
                for (int i = 0; i < lines; i++) {
                    content.showText(line);
                    content.newLineAtOffset(0, -0.05f); // all on the page: stays in the text
                }
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void anOrdinaryPdfIsRead() throws Exception {
        String text = TikaDocuments.pdfText(PdfPriceListTest.pdf("Che Thai Nguyen 200g  85k"));
        assertTrue(text.contains("Che Thai Nguyen 200g"), text);
    }

    @Test
    void textFarLargerThanTheFileIsABomb() throws Exception {
        byte[] bomb = repetitivePdf(20_000, "A".repeat(60));
        // 1.2 million characters from a file of a few kilobytes: refused, not read to the write limit
        assertTrue(bomb.length * TikaDocuments.MAX_COMPRESSION_RATIO < 1_200_000, () -> bomb.length + " bytes");
        TikaDocuments.Unreadable refused = assertThrows(TikaDocuments.Unreadable.class, () -> TikaDocuments.pdfText(bomb));
        assertTrue(String.valueOf(refused.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("zip bomb"), refused::toString);
    }

    @Test
    void theSameTextFromAFileOfItsSizeIsNoBomb() throws Exception {
        // a tenth of the bomb's lines, each different: the ratio stays low and the text is read whole
        String text = TikaDocuments.pdfText(PdfPriceListTest.pdf(java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> "Line " + i + " " + "B".repeat(50)).toArray(String[]::new)));
        assertTrue(text.contains("Line 39"), text);
    }

    @Test
    void textPastTheWriteLimitIsCutNotLost() throws Exception {
        String text = TikaDocuments.pdfText(PdfPriceListTest.pdf("Nuoc mam Phu Quoc 500ml 125.000d",
                "Che Thai Nguyen 200g 85k", "Tui xach 3.500.000 VND"), 45);
        assertTrue(text.contains("Nuoc mam Phu Quoc"), text);
        assertTrue(!text.contains("Tui xach") && text.length() <= 45, text);
    }

    @Test
    void aFileOverTheSizeLimitIsNotParsed() {
        byte[] huge = new byte[TikaDocuments.MAX_BYTES + 1];
        huge[0] = '%';
        assertThrows(TikaDocuments.Unreadable.class, () -> TikaDocuments.pdfText(huge));
    }

    @Test
    void garbageIsUnreadableNotAnError() {
        assertThrows(TikaDocuments.Unreadable.class, () -> TikaDocuments.pdfText("%PDF-1.4 garbage".getBytes()));
    }
}
