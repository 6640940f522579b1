package org.markguard.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.markguard.api.Reports;
import org.markguard.pdf.Block;
import org.markguard.pdf.PdfDocument;
import org.markguard.pdf.PdfWriter;

/**
 * The reports of {@link Reports} as files. CSV and XLSX hold one table per report (the same rows
 * in both); the PDF has the totals, charts and the same tables, in Vietnamese or English.
 */
public final class ReportFiles {
    public static final String PDF_TYPE = "application/pdf";
    public static final List<String> FORMATS = List.of("json", "csv", "xlsx", "pdf");

    private ReportFiles() {
    }

    /** A rendered file: bytes, content type and a file name. */
    public record File(byte[] bytes, String contentType, String fileName) {
    }

    public static File daily(Reports.DailyReport r, String format, String language) throws IOException {
        ReportLabels w = new ReportLabels(language);
        List<String> headers = List.of(w.get("section"), w.get("key"), w.get("count"));
        List<List<String>> rows = new ArrayList<>();
        totalsRows(r.totals(), w, rows);
        for (String dim : Reports.DIMENSIONS) {
            r.byDimension().getOrDefault(dim, List.of()).forEach(c -> rows.add(List.of(w.get(dim), c.key(), Long.toString(c.count()))));
        }
        r.topNewAccounts().forEach(a -> rows.add(List.of(w.get("top"), a.key() + (a.name() == null ? "" : " (" + a.name() + ")"),
                Long.toString(a.cases()))));
        String name = "daily-report-" + r.day();
        String title = w.get("daily.title", r.day());
        return render(format, name, title, headers, rows, () -> {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.KeyValues(List.of(Map.entry(w.get("timezone"), r.timeZone()))));
            blocks.add(totalsBlock(r.totals(), w));
            for (String dim : List.of("platform", "kind", "productGroup", "province")) {
                List<Reports.Count> counts = r.byDimension().getOrDefault(dim, List.of());
                blocks.add(new Block.Heading(2, w.get(dim) + " — " + w.get("detected").toLowerCase(w.locale)));
                blocks.addAll(countBlocks(counts, w));
            }
            blocks.add(new Block.Heading(2, w.get("top")));
            List<List<String>> top = new ArrayList<>();
            r.topNewAccounts().forEach(a -> top.add(List.of(a.key(), a.name() == null ? "" : a.name(), Long.toString(a.cases()),
                    Long.toString(a.confirmed()))));
            blocks.add(top.isEmpty() ? new Block.Paragraph(w.get("none"))
                    : new Block.Table(List.of(w.get("account"), w.get("name"), w.get("cases"), w.get("confirmed")), top,
                    List.of(3f, 3f, 1f, 1f)));
            return new PdfDocument(title, w.locale, w.get("footer"), blocks);
        }, language);
    }

    public static File period(Reports.PeriodReport r, String format, String language) throws IOException {
        ReportLabels w = new ReportLabels(language);
        List<String> headers = List.of(w.get("measure"), w.get("key"), w.get("value"), w.get("baselineValue"), w.get("change"));
        List<List<String>> rows = new ArrayList<>();
        for (Reports.Measure m : r.measures()) {
            rows.add(List.of(measureLabel(m.measure(), w), m.key(), Long.toString(m.value()), Long.toString(m.baseline()),
                    m.changePercent() == null ? "" : String.format(Locale.ROOT, "%+.1f", m.changePercent())));
        }
        String name = "period-report-" + r.from() + "-" + r.to();
        String title = w.get("period.title", r.from(), r.to());
        return render(format, name, title, headers, rows, () -> {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Block.Paragraph(w.get("baseline", r.baselineFrom(), r.baselineTo())));
            List<Reports.Measure> totals = r.measures().stream().filter(m -> m.key().isEmpty()).toList();
            blocks.add(new Block.BarChart(title, totals.stream().map(m -> measureLabel(m.measure(), w)).toList(),
                    List.of(totals.stream().mapToDouble(Reports.Measure::value).toArray(),
                            totals.stream().mapToDouble(Reports.Measure::baseline).toArray()),
                    List.of(w.get("value"), w.get("baselineValue"))));
            blocks.add(new Block.Table(headers, rows, List.of(3f, 2f, 1f, 1f, 1f)));
            return new PdfDocument(title, w.locale, w.get("footer"), blocks);
        }, language);
    }

    public static File hotspots(Reports.HotspotReport r, String format, String language) throws IOException {
        ReportLabels w = new ReportLabels(language);
        List<String> headers = List.of(w.get("section"), w.get("key"), w.get("name"), w.get("confirmed"), w.get("accounts"),
                w.get("platforms"));
        List<List<String>> rows = new ArrayList<>();
        for (List<Reports.Hotspot> list : List.of(r.sellers(), r.shops(), r.provinces())) {
            list.forEach(h -> rows.add(List.of(w.get(h.kind()), h.key(), h.label(), Long.toString(h.confirmed()),
                    Long.toString(h.accounts()), String.join(", ", h.platforms()))));
        }
        String name = "hotspots-" + r.from() + "-" + r.to();
        String title = w.get("hotspots.title", r.from(), r.to());
        return render(format, name, title, headers, rows, () -> {
            List<Block> blocks = new ArrayList<>();
            List<Reports.Hotspot> provinces = r.provinces().stream().limit(15).toList();
            if (!provinces.isEmpty()) {
                blocks.add(Block.BarChart.single(w.get("province"), provinces.stream().map(Reports.Hotspot::label).toList(),
                        provinces.stream().mapToDouble(Reports.Hotspot::confirmed).toArray()));
            }
            for (var section : List.of(Map.entry("seller", r.sellers()), Map.entry("shop", r.shops()), Map.entry("province", r.provinces()))) {
                blocks.add(new Block.Heading(2, w.get(section.getKey())));
                List<List<String>> t = new ArrayList<>();
                section.getValue().forEach(h -> t.add(List.of(h.label(), Long.toString(h.confirmed()), Long.toString(h.accounts()),
                        String.join(", ", h.platforms()))));
                blocks.add(t.isEmpty() ? new Block.Paragraph(w.get("none"))
                        : new Block.Table(List.of(w.get("name"), w.get("confirmed"), w.get("accounts"), w.get("platforms")), t,
                        List.of(4f, 1f, 1f, 2f)));
            }
            return new PdfDocument(title, w.locale, w.get("footer"), blocks);
        }, language);
    }

    private static String measureLabel(String measure, ReportLabels w) {
        int dot = measure.indexOf('.');
        return dot < 0 ? w.get(measure) : w.get(measure.substring(0, dot)) + " — " + w.get(measure.substring(dot + 1));
    }

    private static void totalsRows(Reports.Totals t, ReportLabels w, List<List<String>> rows) {
        String total = w.get("section").equals("Mục") ? "Tổng" : "Total";
        rows.add(List.of(total, w.get("detected"), Long.toString(t.detected())));
        rows.add(List.of(total, w.get("confirmed"), Long.toString(t.confirmed())));
        rows.add(List.of(total, w.get("dismissed"), Long.toString(t.dismissed())));
        rows.add(List.of(total, w.get("escalated"), Long.toString(t.escalated())));
        rows.add(List.of(total, w.get("accounts"), Long.toString(t.accounts())));
    }

    private static Block totalsBlock(Reports.Totals t, ReportLabels w) {
        return new Block.KeyValues(List.of(
                Map.entry(w.get("detected"), Long.toString(t.detected())),
                Map.entry(w.get("confirmed"), Long.toString(t.confirmed())),
                Map.entry(w.get("dismissed"), Long.toString(t.dismissed())),
                Map.entry(w.get("escalated"), Long.toString(t.escalated())),
                Map.entry(w.get("accounts"), Long.toString(t.accounts()))));
    }

    private static List<Block> countBlocks(List<Reports.Count> counts, ReportLabels w) {
        if (counts.isEmpty()) {
            return List.of(new Block.Paragraph(w.get("none")));
        }
        List<Reports.Count> top = counts.stream().limit(15).toList();
        List<List<String>> rows = new ArrayList<>();
        counts.forEach(c -> rows.add(List.of(c.key(), Long.toString(c.count()))));
        return List.of(Block.BarChart.single("", top.stream().map(Reports.Count::key).toList(),
                        top.stream().mapToDouble(Reports.Count::count).toArray()),
                new Block.Table(List.of(w.get("key"), w.get("count")), rows, List.of(3f, 1f)));
    }

    private interface PdfSource {
        PdfDocument build();
    }

    private static File render(String format, String name, String title, List<String> headers, List<List<String>> rows,
                               PdfSource pdf, String language) throws IOException {
        String suffix = language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? "-en" : "-vi";
        return switch (format) {
            case "csv" -> new File(Tables.csv(headers, rows), Tables.CSV_TYPE, name + suffix + ".csv");
            case "xlsx" -> new File(Tables.xlsx(title, headers, rows), Tables.XLSX_TYPE, name + suffix + ".xlsx");
            case "pdf" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new PdfWriter().write(pdf.build(), out);
                yield new File(out.toByteArray(), PDF_TYPE, name + suffix + ".pdf");
            }
            default -> throw new IllegalArgumentException("format must be one of " + FORMATS + ": '" + format + "'");
        };
    }
}
