package org.markguard.pdf.internal;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.markguard.pdf.Block;

/**
 * A vertical bar chart in vectors: value axis with rounded ticks and grid lines, bars grouped per
 * label (one colour per series), the value above each bar when there is room for every one of
 * them, labels under the groups (turned upwards when they do not fit across) and a legend.
 */
final class BarChartRenderer {
    private static final float PLOT_HEIGHT = 150;
    private static final float LABEL_SIZE = 7;
    private static final float VALUE_SIZE = 6.5f;
    private static final float MAX_UPWARD_LABEL = 90;
    private static final float GROUP_FILL = 0.76f;
    /** beyond this the axis arithmetic would overflow; no report counts that high */
    private static final double LIMIT = 1e300;

    private final PageFlow flow;
    private final FontFace regular;
    private final FontFace bold;
    private final TextRenderer text;
    private final Wording wording;
    private final Locale language;

    BarChartRenderer(PageFlow flow, FontFace regular, FontFace bold, TextRenderer text, Wording wording,
            Locale language) {
        this.flow = flow;
        this.regular = regular;
        this.bold = bold;
        this.text = text;
        this.wording = wording;
        this.language = language;
    }

    void chart(Block.BarChart chart) throws IOException {
        int groups = chart.labels().size();
        for (double[] values : chart.series()) {
            groups = Math.max(groups, values.length);
        }
        Axis axis = groups == 0 ? null : Axis.of(chart.series());
        String title = bold.printable(CleanText.singleLine(chart.title())).strip();
        if (axis == null) {
            if (!title.isEmpty()) {
                text.heading(3, chart.title());
            }
            text.notice(wording.noData());
            return;
        }
        int seriesCount = chart.series().size();
        NumberFormat tickFormat = format(axis.fractionDigits());
        List<String> ticks = new ArrayList<>();
        float tickWidth = 0;
        for (int t = 0; t <= axis.tickCount(); t++) {
            String tick = regular.printable(tickFormat.format(axis.tick(t)));
            ticks.add(tick);
            tickWidth = Math.max(tickWidth, regular.width(tick, LABEL_SIZE));
        }
        float plotLeft = flow.left() + tickWidth + 6;
        float plotWidth = flow.width() - (plotLeft - flow.left());
        float groupWidth = plotWidth / groups;
        float barWidth = groupWidth * GROUP_FILL / seriesCount;

        List<String> labels = new ArrayList<>(groups);
        for (int i = 0; i < groups; i++) {
            labels.add(regular.printable(CleanText.singleLine(i < chart.labels().size() ? chart.labels().get(i) : "")).strip());
        }
        LineWrapper across = new LineWrapper(regular, LABEL_SIZE, groupWidth - 2);
        boolean upwards = labels.stream().anyMatch(label -> !fitsAcross(label, groupWidth - 2));
        float labelHeight = upwards ? upwardLabelHeight(labels) : 2 * Style.leading(LABEL_SIZE);
        List<String> legend = legend(chart);
        float legendHeight = legendRows(legend) * Style.leading(LABEL_SIZE + 0.5f);
        float titleHeight = title.isEmpty() ? 0 : Style.leading(Style.headingSize(3));
        float total = titleHeight + 10 + PLOT_HEIGHT + 4 + labelHeight + (legend.isEmpty() ? 0 : 6 + legendHeight);

        flow.reserve(total);
        float top = flow.top();
        Ink ink = flow.ink();
        if (!title.isEmpty()) {
            float size = Style.headingSize(3);
            ink.text(bold, size, Style.HEADING, flow.left(), top - size * Style.BASELINE_DROP,
                    new LineWrapper(bold, size, flow.width()).truncate(title));
        }
        float plotTop = top - titleHeight - 10;
        float plotBottom = plotTop - PLOT_HEIGHT;
        for (int t = 0; t <= axis.tickCount(); t++) {
            float y = plotBottom + (float) axis.position(axis.tick(t)) * PLOT_HEIGHT;
            ink.line(Style.GRID, 0.4f, plotLeft, y, plotLeft + plotWidth, y);
            String tick = ticks.get(t);
            ink.text(regular, LABEL_SIZE, Style.MUTED, plotLeft - 4 - regular.width(tick, LABEL_SIZE), y - LABEL_SIZE * 0.35f, tick);
        }
        float zero = plotBottom + (float) axis.position(0) * PLOT_HEIGHT;
        bars(ink, chart, axis, plotLeft, plotBottom, zero, groupWidth, barWidth);
        ink.line(Style.TEXT, 0.6f, plotLeft, plotBottom, plotLeft, plotTop);
        ink.line(Style.TEXT, 0.6f, plotLeft, zero, plotLeft + plotWidth, zero);

        float labelTop = plotBottom - 4;
        for (int i = 0; i < groups; i += upwards ? labelStep(groupWidth) : 1) {
            float centre = plotLeft + (i + 0.5f) * groupWidth;
            String label = labels.get(i);
            if (upwards) {
                String cut = new LineWrapper(regular, LABEL_SIZE, MAX_UPWARD_LABEL).truncate(label);
                ink.textUpwards(regular, LABEL_SIZE, Style.TEXT, centre + LABEL_SIZE * 0.35f,
                        labelTop - regular.width(cut, LABEL_SIZE), cut);
            } else {
                List<String> lines = across.wrap(label, 2);
                for (int l = 0; l < lines.size(); l++) {
                    String line = lines.get(l);
                    ink.text(regular, LABEL_SIZE, Style.TEXT, centre - regular.width(line, LABEL_SIZE) / 2,
                            labelTop - l * Style.leading(LABEL_SIZE) - LABEL_SIZE * Style.BASELINE_DROP, line);
                }
            }
        }
        if (!legend.isEmpty()) {
            drawLegend(ink, legend, labelTop - labelHeight - 6);
        }
        flow.advance(total);
        flow.gap(Style.BLOCK_GAP * 1.5f);
    }

    private void bars(Ink ink, Block.BarChart chart, Axis axis, float plotLeft, float plotBottom, float zero,
            float groupWidth, float barWidth) throws IOException {
        int seriesCount = chart.series().size();
        NumberFormat valueFormat = format(2);
        boolean valuesFit = true;
        for (double[] values : chart.series()) {
            for (double value : values) {
                if (Axis.usable(value) && regular.width(valueFormat.format(value), VALUE_SIZE) > barWidth + 1) {
                    valuesFit = false;
                }
            }
        }
        float inset = barWidth > 4 ? 0.5f : 0;
        for (int s = 0; s < seriesCount; s++) {
            double[] values = chart.series().get(s);
            Style.Rgb colour = Style.SERIES[s % Style.SERIES.length];
            for (int i = 0; i < values.length; i++) {
                if (!Axis.usable(values[i])) {
                    continue;
                }
                float x = plotLeft + i * groupWidth + groupWidth * (1 - GROUP_FILL) / 2 + s * barWidth;
                float y = plotBottom + (float) axis.position(values[i]) * PLOT_HEIGHT;
                ink.fillRect(colour, x + inset, Math.min(y, zero), barWidth - 2 * inset, Math.abs(y - zero));
                if (valuesFit) {
                    String value = regular.printable(valueFormat.format(values[i]));
                    float valueY = values[i] >= 0 ? y + 2 : y - VALUE_SIZE - 1;
                    ink.text(regular, VALUE_SIZE, Style.TEXT, x + barWidth / 2 - regular.width(value, VALUE_SIZE) / 2,
                            valueY, value);
                }
            }
        }
    }

    private List<String> legend(Block.BarChart chart) {
        int seriesCount = chart.series().size();
        boolean named = chart.seriesNames().stream().anyMatch(name -> !name.isBlank());
        List<String> names = new ArrayList<>();
        if (seriesCount < 2 && !named) {
            return names;
        }
        for (int s = 0; s < seriesCount; s++) {
            String name = s < chart.seriesNames().size() ? CleanText.singleLine(chart.seriesNames().get(s)).strip() : "";
            String printable = regular.printable(name.isEmpty() ? "#" + (s + 1) : name);
            names.add(new LineWrapper(regular, LABEL_SIZE + 0.5f, flow.width() - 20).truncate(printable));
        }
        return names;
    }

    private int legendRows(List<String> legend) {
        int rows = legend.isEmpty() ? 0 : 1;
        float x = 0;
        for (String name : legend) {
            float item = legendItemWidth(name);
            if (x > 0 && x + item > flow.width()) {
                rows++;
                x = 0;
            }
            x += item;
        }
        return rows;
    }

    private void drawLegend(Ink ink, List<String> legend, float top) throws IOException {
        float size = LABEL_SIZE + 0.5f;
        float x = flow.left();
        float rowTop = top;
        for (int s = 0; s < legend.size(); s++) {
            String name = legend.get(s);
            float item = legendItemWidth(name);
            if (x > flow.left() && x + item > flow.left() + flow.width()) {
                x = flow.left();
                rowTop -= Style.leading(size);
            }
            float baseline = rowTop - size * Style.BASELINE_DROP;
            ink.fillRect(Style.SERIES[s % Style.SERIES.length], x, baseline - 0.5f, 8, 8);
            ink.text(regular, size, Style.TEXT, x + 11, baseline, name);
            x += item;
        }
    }

    private float legendItemWidth(String name) {
        return 11 + regular.width(name, LABEL_SIZE + 0.5f) + 14;
    }

    private boolean fitsAcross(String label, float width) {
        for (String word : label.split(" +")) {
            if (regular.width(word, LABEL_SIZE) > width) {
                return false;
            }
        }
        return new LineWrapper(regular, LABEL_SIZE, width).wrap(label).size() <= 2;
    }

    private float upwardLabelHeight(List<String> labels) {
        float widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, regular.width(label, LABEL_SIZE));
        }
        return Math.min(widest, MAX_UPWARD_LABEL) + 2;
    }

    /** Every how many groups an upward label fits without overlapping the previous one. */
    private static int labelStep(float groupWidth) {
        return Math.max(1, (int) Math.ceil(LABEL_SIZE * 1.2f / groupWidth));
    }

    private NumberFormat format(int fractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(language);
        format.setMaximumFractionDigits(fractionDigits);
        format.setMinimumFractionDigits(0);
        return format;
    }

    /** The value axis: from a rounded minimum (0 or below) to a rounded maximum, in ticks of 1, 2 or 5 × 10ⁿ. */
    private record Axis(double min, double step, int tickCount) {
        static boolean usable(double value) {
            return Double.isFinite(value) && Math.abs(value) <= LIMIT;
        }

        /** Null when no series has a usable value. */
        static Axis of(List<double[]> series) {
            double min = 0;
            double max = 0;
            boolean any = false;
            boolean integers = true;
            for (double[] values : series) {
                for (double value : values) {
                    if (usable(value)) {
                        any = true;
                        min = Math.min(min, value);
                        max = Math.max(max, value);
                        integers &= value == Math.rint(value);
                    }
                }
            }
            if (!any) {
                return null;
            }
            if (max == min) {
                max = min + 1;
            }
            double step = niceStep((max - min) / 5);
            if (integers) {
                step = Math.max(step, 1);
            }
            double low = Math.floor(min / step) * step;
            int ticks = (int) Math.min(50, Math.ceil((max - low) / step - 1e-9));
            return new Axis(low, step, Math.max(1, ticks));
        }

        private static double niceStep(double rough) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            double fraction = rough / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }

        double tick(int t) {
            return min + t * step;
        }

        /** Where {@code value} is between the bottom (0) and the top (1) of the axis. */
        double position(double value) {
            return Math.max(0, Math.min(1, (value - min) / (step * tickCount)));
        }

        int fractionDigits() {
            return (int) Math.max(0, Math.min(6, -Math.floor(Math.log10(step))));
        }
    }
}
