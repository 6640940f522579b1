package org.markguard.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.markguard.pdf.Block;

/**
 * Data tables and label/value tables: wrapped cells with rules, the header row repeated at the top
 * of every page the table reaches, a row moved to the next page whole when it fits there, and split
 * across pages only when it is taller than a page.
 */
final class TableRenderer {
    private static final float SIZE = Style.TABLE_SIZE;
    private static final int MAX_HEADER_LINES = 4;
    /** a row is not split to leave fewer lines than this at the bottom of a page */
    private static final int MIN_SPLIT_LINES = 2;
    private static final Pattern NUMBER = Pattern.compile(
            "[-+\u2212]?\\d[\\d.,\\s]*(%|\\s?(đ|₫|vnđ|vnd|k))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final PageFlow flow;
    private final FontFace regular;
    private final FontFace bold;

    TableRenderer(PageFlow flow, FontFace regular, FontFace bold) {
        this.flow = flow;
        this.regular = regular;
        this.bold = bold;
    }

    void table(Block.Table table) throws IOException {
        int columns = table.headers().size();
        for (List<String> row : table.rows()) {
            columns = Math.max(columns, row.size());
        }
        if (columns == 0) {
            return;
        }
        Layout layout = new Layout(columnWidths(table.relativeWidths(), columns), false);
        List<List<String>> header = table.headers().isEmpty() ? null : wrapRow(table.headers(), layout, true);
        draw(header, table.rows(), layout);
    }

    void keyValues(Block.KeyValues keyValues) throws IOException {
        if (keyValues.rows().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>(keyValues.rows().size());
        float widest = 0;
        for (Map.Entry<String, String> row : keyValues.rows()) {
            rows.add(List.of(row.getKey(), row.getValue()));
            widest = Math.max(widest, bold.width(bold.printable(CleanText.singleLine(row.getKey())), SIZE));
        }
        float total = flow.width();
        float label = Math.max(total * 0.18f, Math.min(total * 0.35f, widest + 2 * Style.CELL_PADDING + 1));
        draw(null, rows, new Layout(new float[] {label, total - label}, true));
    }

    /** {@code header} already wrapped (or null for none); rows as given. */
    private void draw(List<List<String>> header, List<List<String>> rows, Layout layout) throws IOException {
        float lineHeight = Style.leading(SIZE);
        float padding = 2 * Style.CELL_PADDING;
        float headerHeight = header == null ? 0 : lineCount(header) * lineHeight + padding;
        int linesOnEmptyPage = (int) Math.floor((Style.contentHeight() - headerHeight - padding) / lineHeight);
        int pageWithHeader = -1;
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = wrapRow(rows.get(r), layout, false);
            int total = lineCount(cells);
            int drawn = 0;
            while (drawn < total) {
                flow.top(); // starts a page if none yet
                boolean needsHeader = header != null && pageWithHeader != flow.pageNumber();
                float room = flow.remaining() - (needsHeader ? headerHeight : 0) - padding;
                int fit = (int) Math.floor(room / lineHeight);
                int left = total - drawn;
                boolean moveOn = left > fit && (left <= linesOnEmptyPage || fit < MIN_SPLIT_LINES);
                if (moveOn && !flow.atPageTop()) {
                    flow.newPage();
                    continue;
                }
                if (needsHeader) {
                    slice(header, 0, lineCount(header), layout, Kind.HEADER);
                    pageWithHeader = flow.pageNumber();
                }
                int lines = Math.min(left, Math.max(1, fit));
                slice(cells, drawn, drawn + lines, layout, r % 2 == 1 ? Kind.STRIPED : Kind.PLAIN);
                drawn += lines;
                if (drawn < total) {
                    flow.newPage();
                }
            }
        }
        flow.gap(Style.BLOCK_GAP);
    }

    /** Draws lines {@code from} (inclusive) to {@code to} of every cell of one row, as one band. */
    private void slice(List<List<String>> cells, int from, int to, Layout layout, Kind kind) throws IOException {
        float lineHeight = Style.leading(SIZE);
        float height = (to - from) * lineHeight + 2 * Style.CELL_PADDING;
        float top = flow.top();
        float bottom = top - height;
        float left = flow.left();
        float width = flow.width();
        Ink ink = flow.ink();
        if (kind == Kind.HEADER) {
            ink.fillRect(Style.HEADER_FILL, left, bottom, width, height);
        } else if (kind == Kind.STRIPED) {
            ink.fillRect(Style.STRIPE_FILL, left, bottom, width, height);
        }
        if (layout.labelColumn() && kind != Kind.HEADER) {
            ink.fillRect(Style.LABEL_FILL, left, bottom, layout.widths()[0], height);
        }
        float x = left;
        for (int column = 0; column < cells.size(); column++) {
            float columnWidth = layout.widths()[column];
            FontFace face = faceOf(column, layout, kind == Kind.HEADER);
            List<String> lines = cells.get(column);
            boolean right = kind != Kind.HEADER && !layout.labelColumn() && lines.size() == 1
                    && NUMBER.matcher(lines.get(0)).matches();
            for (int line = from; line < Math.min(to, lines.size()); line++) {
                String text = lines.get(line);
                float baseline = top - Style.CELL_PADDING - (line - from) * lineHeight - SIZE * Style.BASELINE_DROP;
                float textX = right ? x + columnWidth - Style.CELL_PADDING - face.width(text, SIZE) : x + Style.CELL_PADDING;
                ink.text(face, SIZE, Style.TEXT, textX, baseline, text);
            }
            if (column > 0) {
                ink.line(Style.RULE, 0.5f, x, bottom, x, top);
            }
            x += columnWidth;
        }
        ink.strokeRect(Style.RULE, 0.5f, left, bottom, width, height);
        flow.advance(height);
    }

    private List<List<String>> wrapRow(List<String> row, Layout layout, boolean header) {
        List<List<String>> cells = new ArrayList<>(layout.widths().length);
        for (int column = 0; column < layout.widths().length; column++) {
            String raw = column < row.size() ? row.get(column) : "";
            FontFace face = faceOf(column, layout, header);
            LineWrapper wrapper = new LineWrapper(face, SIZE, layout.widths()[column] - 2 * Style.CELL_PADDING);
            String printable = face.printable(CleanText.multiline(raw));
            cells.add(header ? wrapper.wrap(printable, MAX_HEADER_LINES) : wrapper.wrap(printable));
        }
        return cells;
    }

    private FontFace faceOf(int column, Layout layout, boolean header) {
        return header || (layout.labelColumn() && column == 0) ? bold : regular;
    }

    private static int lineCount(List<List<String>> cells) {
        int lines = 1; // an empty row still has the height of one line
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines;
    }

    /** Column widths in points from proportions; a missing or non-positive proportion gets the average. */
    static float[] columnWidths(List<Float> relative, int columns, float total) {
        float validSum = 0;
        int valid = 0;
        for (int i = 0; i < Math.min(columns, relative.size()); i++) {
            float r = relative.get(i);
            if (r > 0 && Float.isFinite(r)) {
                validSum += r;
                valid++;
            }
        }
        float fallback = valid == 0 ? 1 : validSum / valid;
        float[] widths = new float[columns];
        float sum = 0;
        for (int i = 0; i < columns; i++) {
            float r = i < relative.size() ? relative.get(i) : Float.NaN;
            // capped so that the sum cannot overflow
            widths[i] = r > 0 && Float.isFinite(r) ? Math.min(r, 1e6f * fallback) : fallback;
            sum += widths[i];
        }
        for (int i = 0; i < columns; i++) {
            widths[i] = widths[i] / sum * total;
        }
        return widths;
    }

    private float[] columnWidths(List<Float> relative, int columns) {
        return columnWidths(relative, columns, flow.width());
    }

    private enum Kind { HEADER, PLAIN, STRIPED }

    /** Column widths in points; {@code labelColumn}: the first column holds bold labels (label/value table). */
    private record Layout(float[] widths, boolean labelColumn) {
    }
}
