package org.markguard.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.markguard.pdf.MissingFontException;
import org.markguard.pdf.PdfFonts;

/**
 * One embedded TrueType font with what layout asks of it: whether a character has a glyph (asked
 * once per character, then remembered), and the width of text. Text given to {@link #printable}
 * comes back with every character the font cannot show replaced, so that drawing never throws.
 */
final class FontFace {
    private static final int TRUE = tag("true");
    private static final int GSUB = tag("GSUB");
    private static final int HIDDEN_GSUB = tag("gsub");

    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphByCodePoint = new HashMap<>();
    private final Map<Integer, Float> advanceByCodePoint = new HashMap<>();
    private final int replacement;

    private FontFace(PDType0Font font) {
        this.font = font;
        // -1: a font without even '?' drops what it cannot show
        this.replacement = hasGlyph(CleanText.REPLACEMENT) ? CleanText.REPLACEMENT : hasGlyph('?') ? '?' : -1;
    }

    /** Loads {@code path} into {@code document}, to be embedded as a subset when it is saved. */
    static FontFace load(PDDocument document, Path path) throws MissingFontException {
        if (!Files.isReadable(path)) {
            throw new MissingFontException(path, "font file not found or not readable: " + path + installHint(path), null);
        }
        try {
            byte[] font = withoutGlyphSubstitution(Files.readAllBytes(path));
            return new FontFace(PDType0Font.load(document, new ByteArrayInputStream(font)));
        } catch (IOException | RuntimeException e) {
            throw new MissingFontException(path, "not a usable TrueType font: " + path + " (" + e.getMessage() + ")"
                    + installHint(path), e);
        }
    }

    /**
     * The font with its GSUB table hidden (its tag renamed in the table directory). PDFBox applies
     * GSUB ligatures to Latin text, and a reader then extracts "ﬃ" (U+FB03) instead of "ffi":
     * evidence text must copy, search and compare as written. Vietnamese needs no substitution,
     * its letters are precomposed glyphs. The subset embedded in the PDF never contains the table.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        ByteBuffer bytes = ByteBuffer.wrap(font);
        if (font.length < 12 || (bytes.getInt(0) != 0x00010000 && bytes.getInt(0) != TRUE)) {
            return font; // not a plain TrueType file: the parser will say what it is
        }
        int tables = Short.toUnsignedInt(bytes.getShort(4));
        for (int i = 0, record = 12; i < tables && record + 16 <= font.length; i++, record += 16) {
            if (bytes.getInt(record) == GSUB) {
                bytes.putInt(record, HIDDEN_GSUB);
            }
        }
        return font;
    }

    private static String installHint(Path path) {
        return path.startsWith(PdfFonts.DEJAVU_DIRECTORY)
                ? "; install the Debian package " + PdfFonts.DEJAVU_DEBIAN_PACKAGE
                        + " (apt-get install " + PdfFonts.DEJAVU_DEBIAN_PACKAGE + ")"
                : "";
    }

    private static int tag(String name) {
        return ByteBuffer.wrap(name.getBytes(StandardCharsets.US_ASCII)).getInt();
    }

    PDType0Font pdfFont() {
        return font;
    }

    /** {@code clean} (from {@link CleanText}) with the characters this font lacks replaced. */
    String printable(String clean) {
        StringBuilder out = null;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean keep = cp == '\n' || hasGlyph(cp);
            if (!keep && out == null) {
                out = new StringBuilder(clean.length()).append(clean, 0, i);
            }
            if (out != null && (keep || replacement >= 0)) {
                out.appendCodePoint(keep ? cp : replacement);
            }
            i = next;
        }
        return out == null ? clean : out.toString();
    }

    /** The width in points of printable text (one line) at {@code size}. */
    float width(String printable, float size) {
        float units = 0;
        for (int i = 0; i < printable.length(); ) {
            int cp = printable.codePointAt(i);
            units += advance(cp);
            i += Character.charCount(cp);
        }
        return units * size / 1000f;
    }

    /** The width in points of one printable character at {@code size}. */
    float width(int codePoint, float size) {
        return advance(codePoint) * size / 1000f;
    }

    private float advance(int cp) {
        Float known = advanceByCodePoint.get(cp);
        if (known == null) {
            try {
                known = font.getStringWidth(new String(Character.toChars(cp)));
            } catch (IOException | IllegalArgumentException e) {
                known = 0f; // not printable: printable() already replaced it
            }
            advanceByCodePoint.put(cp, known);
        }
        return known;
    }

    private boolean hasGlyph(int cp) {
        return glyphByCodePoint.computeIfAbsent(cp, this::probeGlyph);
    }

    private boolean probeGlyph(int cp) {
        try {
            // encode() throws for a character without a glyph (glyph 0, ".notdef")
            return font.encode(new String(Character.toChars(cp))).length > 0;
        } catch (IOException | RuntimeException e) {
            return false; // whatever the font cannot encode is printed as the replacement
        }
    }
}
