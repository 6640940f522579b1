package org.markguard.pdf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class CleanTextTest {
    @Test
    void decomposedVietnameseIsComposed() {
        String nfd = Normalizer.normalize("Vải thiều Lục Ngạn ặ ễ ỗ ự ỹ", Normalizer.Form.NFD);
        assertEquals("Vải thiều Lục Ngạn ặ ễ ỗ ự ỹ", CleanText.multiline(nfd));
    }

    @Test
    void lineBreaksBecomeOneKindAndTabsSpaces() {
        assertEquals("a\nb\nc\nd e  f", CleanText.multiline("a\r\nb\rc\u2028d\te\u00a0\u2003f"));
        assertEquals("a b c", CleanText.singleLine("a\r\nb\nc"));
    }

    @Test
    void controlAndFormatCharactersAreDroppedUnprintableOnesReplaced() {
        assertEquals("abcdef", CleanText.singleLine("a\u0000b\u001bc\u202ed\u200be\ufefff"));
        assertEquals("x\ufffdy\ufffd\ufffd", CleanText.singleLine("x\ud800y\udc00\ue000"));
        assertEquals("❤", CleanText.singleLine("❤\ufe0f"), "variation selectors have no glyph of their own");
        assertEquals("😀", CleanText.singleLine("😀"), "a surrogate pair is one character, kept");
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertEquals("", CleanText.multiline(null));
        assertEquals("", CleanText.singleLine(""));
    }
}
