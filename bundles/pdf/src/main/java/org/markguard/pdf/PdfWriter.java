package org.markguard.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;
import org.markguard.pdf.internal.DocumentRenderer;

/**
 * Writes a {@link PdfDocument} as PDF on A4 pages. Stateless and thread-safe: each call builds its
 * own document, buffering page content and images in temporary files rather than on the heap, so a
 * report of a hundred listings with screenshots needs little memory beyond the caller's own model.
 */
public final class PdfWriter {
    private final PdfFonts fonts;
    private final Clock clock;

    /** A writer with DejaVu Sans ({@link PdfFonts#dejaVuSans()}). */
    public PdfWriter() {
        this(PdfFonts.dejaVuSans());
    }

    public PdfWriter(PdfFonts fonts) {
        this(fonts, Clock.systemDefaultZone());
    }

    /** @param clock gives the creation date stored in the document's metadata */
    public PdfWriter(PdfFonts fonts, Clock clock) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes {@code document} to {@code out}, which is flushed but not closed.
     *
     * @throws MissingFontException if a font file is missing or unreadable
     * @throws IOException if writing to {@code out} or to the temporary files fails
     */
    public void write(PdfDocument document, OutputStream out) throws IOException {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(out, "out");
        new DocumentRenderer(fonts.regular(), fonts.bold(), clock).render(document, out);
    }
}
