package org.markguard.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedTextTest {

    @Test
    void foldsVietnameseDiacriticsAndDStroke() {
        assertEquals("nuoc mam phu quoc", FoldedText.fold("Nước mắm Phú Quốc"));
        assertEquals("dac san da lat", FoldedText.fold("Đặc sản Đà Lạt"));
    }

    @Test
    void repairsDecomposedInput() {
        assertEquals("che thai nguyen", FoldedText.fold("Che\u0300 Tha\u0301i Nguye\u0302n"));
    }

    @Test
    void findsWholeWordsOnlyAndMapsSpansToOriginal() {
        FoldedText text = FoldedText.of("Túi GUCCI chính hãng, không phải Guccissimo");
        List<EvidenceSpan> spans = text.findWord("Gucci", "title");
        assertEquals(1, spans.size());
        assertEquals(new EvidenceSpan("title", 4, 9, "GUCCI"), spans.get(0));
    }

    @Test
    void spanCoversAccentedOriginal() {
        FoldedText text = FoldedText.of("Mua nước mắm Phú Quốc ngon");
        EvidenceSpan span = text.findWord("phu quoc", "title").get(0);
        assertEquals("Phú Quốc", span.text());
        assertEquals(13, span.start());
    }

    @Test
    void multiWordTermAndNoMatch() {
        assertTrue(FoldedText.of("ca phe Buon Ma Thuot").containsWord("Buôn Ma Thuột"));
        assertFalse(FoldedText.of("Buôn bán").containsWord("Buôn Ma Thuột"));
        assertFalse(FoldedText.of("anything").containsWord("  "));
    }

    @Test
    void listingIdIsSha256OfUrl() {
        assertEquals("a16b7b4ffd2f7d8f1ae7a7ff5dba0b0bbf56dbd1e1d4a3a5c23e30f4d3ec9e3f".length(),
                Listing.idFor("http://x/").length());
        assertEquals(Listing.idFor("http://x/"), new Listing(null, "http://x/", "p", null, null, null,
                null, null, null, null, null, null, null, null).id());
        assertThrows(IllegalArgumentException.class, () -> new Listing(null, " ", "p", null, null, null,
                null, null, null, null, null, null, null, null));
    }

    @Test
    void findingScoreMustBeInUnitRange() {
        assertThrows(IllegalArgumentException.class,
                () -> new Finding("d", "1", FindingKind.OTHER, "s", 1.5, null, null));
    }
}
