package org.markguard.pdf.internal;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.util.Matrix;

/** Drawing primitives on one page's content stream. Text must come from {@link FontFace#printable}. */
final class Ink {
    private final PDPageContentStream content;

    Ink(PDPageContentStream content) {
        this.content = content;
    }

    void text(FontFace face, float size, Style.Rgb colour, float x, float baseline, String printable) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(face.pdfFont(), size);
        fill(colour);
        content.newLineAtOffset(x, baseline);
        content.showText(printable);
        content.endText();
    }

    /** Text turned a quarter to the left (reading upwards), starting at (x, y). */
    void textUpwards(FontFace face, float size, Style.Rgb colour, float x, float y, String printable) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(face.pdfFont(), size);
        fill(colour);
        content.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, x, y));
        content.showText(printable);
        content.endText();
    }

    void fillRect(Style.Rgb colour, float x, float y, float width, float height) throws IOException {
        fill(colour);
        content.addRect(x, y, width, height);
        content.fill();
    }

    void strokeRect(Style.Rgb colour, float lineWidth, float x, float y, float width, float height) throws IOException {
        stroke(colour, lineWidth);
        content.addRect(x, y, width, height);
        content.stroke();
    }

    void line(Style.Rgb colour, float lineWidth, float x1, float y1, float x2, float y2) throws IOException {
        stroke(colour, lineWidth);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    PDPageContentStream content() {
        return content;
    }

    private void fill(Style.Rgb colour) throws IOException {
        content.setNonStrokingColor(colour.red(), colour.green(), colour.blue());
    }

    private void stroke(Style.Rgb colour, float lineWidth) throws IOException {
        content.setStrokingColor(colour.red(), colour.green(), colour.blue());
        content.setLineWidth(lineWidth);
    }
}
