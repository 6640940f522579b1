package org.markguard.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markguard.pdf.PdfFonts;

class LineWrapperTest {
    private static final float SIZE = 10;
    private static final float WIDTH = 120;
    private static PDDocument document;
    private static FontFace face;

    @BeforeAll
    static void loadFont() throws IOException {
        document = new PDDocument();
        face = FontFace.load(document, PdfFonts.dejaVuSans().regular());
    }

    @AfterAll
    static void close() throws IOException {
        document.close();
    }

    @Test
    void wordsWrapAtSpacesWithinTheWidth() {
        List<String> lines = wrap("Nước mắm Phú Quốc là chỉ dẫn địa lý được bảo hộ tại Việt Nam");
        assertTrue(lines.size() > 1);
        assertEquals("Nước mắm Phú Quốc là chỉ dẫn địa lý được bảo hộ tại Việt Nam", String.join(" ", lines));
        lines.forEach(line -> assertTrue(face.width(line, SIZE) <= WIDTH, line));
    }

    @Test
    void aLongWordIsBrokenWithoutLosingACharacter() {
        String hash = "3f9a1c0b5e2d47a8b9c6d3e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4";
        List<String> lines = wrap(hash);
        assertTrue(lines.size() > 1);
        assertEquals(hash, String.join("", lines));
        lines.forEach(line -> assertTrue(face.width(line, SIZE) <= WIDTH, line));
    }

    @Test
    void aUrlBreaksAfterADelimiterWhenOneComesLateEnough() {
        List<String> lines = wrap("https://shopee.vn/nuoc-mam-phu-quoc-40-do-dam-500ml-i.123456789?sp_atk=8f0e1d2c");
        assertTrue(lines.get(0).endsWith("-") || lines.get(0).endsWith("/") || lines.get(0).endsWith("."), lines.get(0));
    }

    @Test
    void aCombiningMarkStaysWithItsLetter() {
        String decomposed = "a\u0301".repeat(60); // no precomposed form is assumed here
        for (String line : wrap(decomposed)) {
            assertTrue(line.startsWith("a"), "a line never starts with the mark: " + line);
        }
    }

    @Test
    void truncateEndsWithAnEllipsis() {
        String cut = new LineWrapper(face, SIZE, WIDTH).truncate("Cửa hàng đặc sản Phú Quốc chính hãng số một");
        assertTrue(cut.endsWith("\u2026") && face.width(cut, SIZE) <= WIDTH, cut);
    }

    private static List<String> wrap(String text) {
        return new LineWrapper(face, SIZE, WIDTH).wrap(face.printable(text));
    }
}
