package org.markguard.pdf.internal;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Stamps the footer on every page once the page count is known: a rule, the footer text, "page N / M". */
final class Footers {
    private Footers() {
    }

    static void stamp(PDDocument document, List<PDPage> pages, FontFace face, String footer, Wording wording)
            throws IOException {
        float size = Style.SMALL_SIZE;
        float left = Style.MARGIN_LEFT;
        float right = Style.PAGE.getWidth() - Style.MARGIN_RIGHT;
        String text = face.printable(CleanText.singleLine(footer)).strip();
        for (int i = 0; i < pages.size(); i++) {
            String number = face.printable(wording.page() + " " + (i + 1) + " / " + pages.size());
            float numberWidth = face.width(number, size);
            String fitted = new LineWrapper(face, size, right - left - numberWidth - 12).truncate(text);
            // appended as a second content stream, with the graphics state of the page content reset
            try (PDPageContentStream content = new PDPageContentStream(
                    document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                Ink ink = new Ink(content);
                ink.line(Style.RULE, 0.5f, left, Style.FOOTER_BASELINE + size + 3, right, Style.FOOTER_BASELINE + size + 3);
                ink.text(face, size, Style.MUTED, left, Style.FOOTER_BASELINE, fitted);
                ink.text(face, size, Style.MUTED, right - numberWidth, Style.FOOTER_BASELINE, number);
            }
        }
    }
}
