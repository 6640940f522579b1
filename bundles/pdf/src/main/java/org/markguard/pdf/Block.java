package org.markguard.pdf;

import java.util.List;
import java.util.Map;

/**
 * One piece of a {@link PdfDocument}, laid out top to bottom. All text may be hostile (crawled from
 * marketplaces): it is normalised to NFC, control characters are dropped, and characters the font
 * has no glyph for are printed as a replacement character, never an exception.
 */
public sealed interface Block
        permits Block.Heading, Block.Paragraph, Block.KeyValues, Block.Table, Block.Image, Block.BarChart,
        Block.PageBreak {

    /** A heading, level 1 (largest) to 3; other levels are clamped. Kept on the page of what follows it. */
    record Heading(int level, String text) implements Block {
        public Heading {
            level = Math.max(1, Math.min(3, level));
            text = Nulls.text(text);
        }
    }

    /** Running text, wrapped to the page width; line breaks in the text are kept. */
    record Paragraph(String text) implements Block {
        public Paragraph {
            text = Nulls.text(text);
        }
    }

    /** A two-column label/value table (labels bold); long values wrap. */
    record KeyValues(List<Map.Entry<String, String>> rows) implements Block {
        public KeyValues {
            rows = Nulls.mapped(rows, row -> row == null
                    ? Map.entry("", "")
                    : Map.entry(Nulls.text(row.getKey()), Nulls.text(row.getValue())));
        }
    }

    /**
     * A data table. Cell text wraps; the header row is repeated on every page the table spans, and a
     * row taller than a page is split. {@code relativeWidths} are the column widths as proportions
     * (e.g. 1, 3, 1); empty, or a value that is not positive, means equal shares. Rows shorter than
     * the widest row are padded with empty cells.
     */
    record Table(List<String> headers, List<List<String>> rows, List<Float> relativeWidths) implements Block {
        public Table {
            headers = Nulls.texts(headers);
            rows = Nulls.mapped(rows, Nulls::texts);
            relativeWidths = Nulls.mapped(relativeWidths, width -> width == null ? Float.NaN : width);
        }

        /** A table whose columns share the width equally. */
        public Table(List<String> headers, List<List<String>> rows) {
            this(headers, rows, List.of());
        }
    }

    /**
     * An image (PNG; JPEG, GIF and BMP are read too) scaled to fit the page width and at most
     * {@code maxHeightPt} points high (0 or less: the height of a page). An image that would have to
     * shrink below half the page width to fit, such as a full-page screenshot, is instead printed at
     * that width and split across pages. Bytes that are not a readable image print a notice instead.
     * The bytes are not copied.
     */
    record Image(byte[] png, String caption, float maxHeightPt) implements Block {
        public Image {
            png = png == null ? new byte[0] : png;
            caption = Nulls.text(caption);
        }

        /** An image with no height limit other than the page. */
        public Image(byte[] png, String caption) {
            this(png, caption, 0);
        }
    }

    /**
     * A vertical bar chart with a value axis, the value above each bar and a legend. With several
     * series the bars are grouped per label (e.g. "this period" next to "baseline"):
     * {@code series.get(s)[i]} is the value of series {@code s} for {@code labels.get(i)}. A missing
     * value or NaN draws no bar.
     */
    record BarChart(String title, List<String> labels, List<double[]> series, List<String> seriesNames)
            implements Block {
        public BarChart {
            title = Nulls.text(title);
            labels = Nulls.texts(labels);
            series = Nulls.mapped(series, values -> values == null ? new double[0] : values.clone());
            seriesNames = Nulls.texts(seriesNames);
        }

        /** A chart of one unnamed series. */
        public static BarChart single(String title, List<String> labels, double[] values) {
            return new BarChart(title, labels, List.of(values == null ? new double[0] : values), List.of());
        }
    }

    /** Starts a new page (unless the current one is still empty). */
    record PageBreak() implements Block {
    }
}
