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

    /** The folding as first written, one Normalizer call per character: the reference the fast path must equal. */
    private static String referenceFold(String text) {
        String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        nfc.codePoints().forEach(cp -> {
            if (cp == 'đ' || cp == 'Đ') {
                out.append('d');
            } else if (cp < 0x80) {
                out.append((char) Character.toLowerCase(cp));
            } else {
                StringBuilder one = new StringBuilder();
                java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFD)
                        .codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                        .forEach(one::appendCodePoint);
                out.append(one.toString().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return out.toString();
    }

    @Test
    void everyCharacterFoldsAsTheReferenceDoes() {
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            String one = String.valueOf((char) cp);
            String expected = referenceFold(one);
            assertEquals(expected, FoldedText.fold(one), () -> "U+" + Integer.toHexString(one.charAt(0)));
            assertEquals(expected, FoldedText.of(one).folded(), () -> "U+" + Integer.toHexString(one.charAt(0)));
        }
        assertEquals(referenceFold("\uD83D\uDE00 𝐀"), FoldedText.fold("\uD83D\uDE00 𝐀"), "beyond the BMP");
    }

    @Test
    void randomTextsFoldAndMapSpansAsBefore() {
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
                + "ÁÀẢÃẠẾỀỂỄỆ \u0301\u0300\u0309\u0303\u0323.,-/0123456789İßﬁ한中😀";
        java.util.Random random = new java.util.Random(7);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String s = text.toString();
            FoldedText folded = FoldedText.of(s);
            assertEquals(referenceFold(s), folded.folded(), s);
            assertEquals(folded.folded(), FoldedText.fold(s), s);
            // every folded character maps back into the original, in order
            int last = 0;
            for (int k = 0; k < folded.folded().length(); k++) {
                EvidenceSpan span = folded.span(k, k + 1, "t");
                assertTrue(span.start() >= last && span.end() <= folded.original().length(), s);
                last = span.start();
            }
        }
    }
}
