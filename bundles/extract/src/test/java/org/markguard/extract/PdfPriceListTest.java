package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;

/** PDF price lists: one listing per product line, URL {@code <pdf>#line-<n>}. */
class PdfPriceListTest {
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    static byte[] pdf(String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(50, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void eachProductLineIsAListing() throws IOException {
        byte[] body = pdf("BANG GIA THANG 11", "Nuoc mam Phu Quoc 500ml ....... 125.000d",
                "Tui xach Gucci Marmont     3.500.000 VND", "Lien he: 0909 123 456", "Che Thai Nguyen 200g  85k");
        FetchedPage page = new FetchedPage("https://shop.example/files/bang-gia.pdf", "web", 200, "application/pdf",
                body, Pages.FETCHED);
        List<Listing> listings = extractor.extractAll(page);
        assertEquals(3, listings.size(), listings.toString());
        Listing first = listings.get(0);
        assertEquals("Nuoc mam Phu Quoc 500ml", first.title());
        assertEquals(0, new BigDecimal("125000").compareTo(first.price()));
        assertTrue(first.url().startsWith("https://shop.example/files/bang-gia.pdf#line-"), first.url());
        assertEquals("https://shop.example/files/", first.fieldSources().get("shopPage"));
        assertEquals("TEXT", first.extractionSource());
        assertEquals(0, new BigDecimal("3500000").compareTo(listings.get(1).price()));
        assertEquals(0, new BigDecimal("85000").compareTo(listings.get(2).price()));
        // extract() of a PDF is its first line
        assertEquals(first.url(), extractor.extract(page).orElseThrow().url());
    }

    @Test
    void linesAreLinkedToThePageThatLinkedThePdf() throws IOException {
        byte[] body = pdf("BANG GIA", "Nuoc mam Phu Quoc 500ml ....... 125.000d");
        FetchedPage page = new FetchedPage("https://cdn.example/x/bang-gia.pdf", "web", 200, "application/pdf",
                body, Pages.FETCHED, "https://shop.example/shop/123");
        assertEquals("https://shop.example/shop/123",
                extractor.extractAll(page).get(0).fieldSources().get("shopPage"));
    }

    @Test
    void vietnameseLinesFromText() {
        FetchedPage page = new FetchedPage("https://shop.example/gia.pdf", "web", 200, "application/pdf", new byte[0],
                Pages.FETCHED);
        List<Listing> listings = PdfPriceList.fromText(page, "Nước mắm Phú Quốc 40 độ đạm – 350.000đ\nGhi chú\n"
                + "Yến sào Khánh Hòa hộp 100g: 1.250.000 đ");
        assertEquals(2, listings.size());
        assertEquals("Nước mắm Phú Quốc 40 độ đạm", listings.get(0).title());
        assertEquals("https://shop.example/gia.pdf#line-1", listings.get(0).url());
        assertEquals("https://shop.example/gia.pdf#line-3", listings.get(1).url());
        assertEquals("vi", listings.get(0).details().language());
    }

    @Test
    void brokenPdfGivesNothing() {
        FetchedPage page = new FetchedPage("https://shop.example/x.pdf", "web", 200, "application/pdf",
                "%PDF-1.4 garbage".getBytes(), Pages.FETCHED);
        assertEquals(List.of(), extractor.extractAll(page));
        assertTrue(extractor.extract(page).isEmpty());
    }
}
