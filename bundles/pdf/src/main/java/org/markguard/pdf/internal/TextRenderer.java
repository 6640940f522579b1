package org.markguard.pdf.internal;

import java.io.IOException;
import java.util.List;

/** The document title, headings and paragraphs: wrapped lines, flowing onto the next page line by line. */
final class TextRenderer {
    /** a heading is not left at the bottom of a page without at least this many body lines after it */
    private static final int LINES_KEPT_WITH_HEADING = 3;

    private final PageFlow flow;
    private final FontFace regular;
    private final FontFace bold;

    TextRenderer(PageFlow flow, FontFace regular, FontFace bold) {
        this.flow = flow;
        this.regular = regular;
        this.bold = bold;
    }

    void title(String raw) throws IOException {
        String text = bold.printable(CleanText.singleLine(raw)).strip();
        if (text.isEmpty()) {
            return;
        }
        lines(bold, Style.TITLE_SIZE, Style.HEADING, wrap(bold, Style.TITLE_SIZE, text));
        flow.gap(Style.BLOCK_GAP * 1.5f);
    }

    void heading(int level, String raw) throws IOException {
        float size = Style.headingSize(level);
        List<String> lines = wrap(bold, size, bold.printable(CleanText.singleLine(raw)).strip());
        if (lines.isEmpty()) {
            return;
        }
        flow.gap(size * 0.6f);
        float keep = lines.size() * Style.leading(size) + LINES_KEPT_WITH_HEADING * Style.leading(Style.BODY_SIZE);
        flow.reserve(Math.min(keep, Style.contentHeight()));
        lines(bold, size, Style.HEADING, lines);
        flow.gap(size * 0.3f);
    }

    void paragraph(String raw) throws IOException {
        paragraph(raw, Style.BODY_SIZE, Style.TEXT);
    }

    /** A short muted line, e.g. in place of an image that could not be read. */
    void notice(String raw) throws IOException {
        paragraph(raw, Style.SMALL_SIZE + 1, Style.MUTED);
    }

    /** Muted small text, e.g. an image caption. */
    void caption(String raw) throws IOException {
        List<String> lines = wrap(regular, Style.SMALL_SIZE, regular.printable(CleanText.multiline(raw)));
        lines(regular, Style.SMALL_SIZE, Style.MUTED, lines);
    }

    /** The height {@link #caption} will take. */
    float captionHeight(String raw) {
        return wrap(regular, Style.SMALL_SIZE, regular.printable(CleanText.multiline(raw))).size()
                * Style.leading(Style.SMALL_SIZE);
    }

    private void paragraph(String raw, float size, Style.Rgb colour) throws IOException {
        List<String> lines = wrap(regular, size, regular.printable(CleanText.multiline(raw)));
        if (lines.isEmpty()) {
            return;
        }
        lines(regular, size, colour, lines);
        flow.gap(Style.BLOCK_GAP);
    }

    private List<String> wrap(FontFace face, float size, String printable) {
        return new LineWrapper(face, size, flow.width()).wrap(printable);
    }

    private void lines(FontFace face, float size, Style.Rgb colour, List<String> lines) throws IOException {
        float leading = Style.leading(size);
        for (String line : lines) {
            flow.reserve(leading);
            float baseline = flow.top() - size * Style.BASELINE_DROP;
            flow.ink().text(face, size, colour, flow.left(), baseline, line);
            flow.advance(leading);
        }
    }
}
