package org.markguard.pdf;

import java.util.List;
import java.util.Locale;

/**
 * A document to write: its title (printed at the top of the first page and stored as the PDF
 * title), its language (stored as the PDF {@code /Lang}, and the language of the page numbers), a
 * footer printed on every page next to "page N / M" (e.g. the packet id and a hash prefix), and its
 * content in reading order.
 *
 * <p>Nothing here throws on odd input: a null title or footer is empty, a null language is English,
 * a null block list or null blocks are dropped.
 */
public record PdfDocument(String title, Locale language, String footer, List<Block> blocks) {

    public PdfDocument {
        title = Nulls.text(title);
        language = language == null ? Locale.ENGLISH : language;
        footer = Nulls.text(footer);
        blocks = Nulls.listWithoutNulls(blocks);
    }

    /** A document with no footer text (page numbers only). */
    public PdfDocument(String title, Locale language, List<Block> blocks) {
        this(title, language, "", blocks);
    }
}
