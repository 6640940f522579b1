package org.markguard.pdf.internal;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.markguard.pdf.Block;
import org.markguard.pdf.PdfDocument;

/**
 * Lays a {@link PdfDocument} out and saves it. Page content, images and fonts are buffered in
 * temporary files (PDFBox's temp-file-only stream cache), so the heap holds the layout state, not
 * the document. Not part of the API: {@link org.markguard.pdf.PdfWriter} is.
 */
public final class DocumentRenderer {
    private final Path regularFont;
    private final Path boldFont;
    private final Clock clock;

    public DocumentRenderer(Path regularFont, Path boldFont, Clock clock) {
        this.regularFont = regularFont;
        this.boldFont = boldFont;
        this.clock = clock;
    }

    public void render(PdfDocument source, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            FontFace regular = FontFace.load(document, regularFont);
            FontFace bold = FontFace.load(document, boldFont);
            describe(document, source);

            Wording wording = Wording.of(source.language());
            PageFlow flow = new PageFlow(document);
            TextRenderer text = new TextRenderer(flow, regular, bold);
            TableRenderer tables = new TableRenderer(flow, regular, bold);
            ImageRenderer images = new ImageRenderer(document, flow, text, wording);
            BarChartRenderer charts = new BarChartRenderer(flow, regular, bold, text, wording, source.language());

            text.title(source.title());
            for (Block block : source.blocks()) {
                if (block instanceof Block.Heading heading) {
                    text.heading(heading.level(), heading.text());
                } else if (block instanceof Block.Paragraph paragraph) {
                    text.paragraph(paragraph.text());
                } else if (block instanceof Block.KeyValues keyValues) {
                    tables.keyValues(keyValues);
                } else if (block instanceof Block.Table table) {
                    tables.table(table);
                } else if (block instanceof Block.Image image) {
                    images.image(image);
                } else if (block instanceof Block.BarChart chart) {
                    charts.chart(chart);
                } else if (block instanceof Block.PageBreak) {
                    flow.breakPage();
                }
            }
            List<PDPage> pages = flow.finish();
            Footers.stamp(document, pages, regular, source.footer(), wording);

            BufferedOutputStream buffered = new BufferedOutputStream(new Unclosable(out), 64 * 1024);
            document.save(buffered);
            buffered.flush();
        }
    }

    /** PDFBox closes the stream it saves to; the caller's stream is the caller's to close. */
    private static final class Unclosable extends FilterOutputStream {
        Unclosable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private void describe(PDDocument document, PdfDocument source) {
        PDDocumentInformation info = document.getDocumentInformation();
        // metadata is plain text to viewers and indexers: the same cleaning, no glyph substitution
        info.setTitle(CleanText.singleLine(source.title()).strip());
        info.setProducer("markguard");
        info.setCreator("markguard");
        Calendar created = GregorianCalendar.from(clock.instant().atZone(clock.getZone()));
        info.setCreationDate(created);
        info.setModificationDate(created);
        document.getDocumentCatalog().setLanguage(languageTag(source.language()));
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private static String languageTag(Locale language) {
        String tag = language.toLanguageTag();
        return tag.isEmpty() || "und".equals(tag) ? "en" : tag;
    }
}
