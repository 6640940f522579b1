package org.markguard.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The vertical flow of blocks down the pages: where the next block starts ({@link #top()}), how
 * much room is left on the page, and a new page when a block asks for more than that.
 */
final class PageFlow {
    private final PDDocument document;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private Ink ink;
    private float top;
    private boolean pageEmpty;
    /** a page break asked for, taken when something is drawn next: no empty page at the end */
    private boolean breakPending;

    PageFlow(PDDocument document) {
        this.document = document;
    }

    /** The drawing surface of the current page (started if there is none yet). */
    Ink ink() throws IOException {
        startPageIfNeeded();
        pageEmpty = false;
        return ink;
    }

    float top() throws IOException {
        startPageIfNeeded();
        return top;
    }

    /** The next block starts on a new page, unless the current page is still empty. */
    void breakPage() {
        if (!atPageTop()) {
            breakPending = true;
        }
    }

    private void startPageIfNeeded() throws IOException {
        if (ink == null || breakPending) {
            newPage();
        }
    }

    /** The number of the current page, from 1 (0 before the first). */
    int pageNumber() {
        return pages.size();
    }

    float left() {
        return Style.MARGIN_LEFT;
    }

    float width() {
        return Style.contentWidth();
    }

    float remaining() throws IOException {
        return top() - Style.MARGIN_BOTTOM;
    }

    /** Nothing drawn on the current page yet (or no page started). */
    boolean atPageTop() {
        return ink == null || pageEmpty || breakPending;
    }

    /** Starts a new page unless {@code height} fits, or the page is empty (then it cannot fit anywhere). */
    void reserve(float height) throws IOException {
        if (height > remaining() && !atPageTop()) {
            newPage();
        }
    }

    /** Moves down by {@code height} (less at the bottom of the page: the next block reserves anew). */
    void advance(float height) throws IOException {
        top = Math.max(top() - height, Style.MARGIN_BOTTOM);
    }

    /** Vertical space between blocks, dropped at the top of a page. */
    void gap(float height) throws IOException {
        if (!atPageTop()) {
            advance(Math.min(height, remaining()));
        }
    }

    void newPage() throws IOException {
        closeContent();
        PDPage page = new PDPage(Style.PAGE);
        document.addPage(page);
        pages.add(page);
        content = new PDPageContentStream(document, page);
        ink = new Ink(content);
        top = Style.PAGE.getHeight() - Style.MARGIN_TOP;
        pageEmpty = true;
        breakPending = false;
    }

    /** Closes the last page; a document with no content still gets one page. */
    List<PDPage> finish() throws IOException {
        breakPending = false;
        if (pages.isEmpty()) {
            newPage();
        }
        closeContent();
        return List.copyOf(pages);
    }

    private void closeContent() throws IOException {
        if (content != null) {
            content.close();
            content = null;
            ink = null;
        }
    }
}
