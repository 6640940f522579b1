package org.markguard.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.markguard.api.Reports;
import org.markguard.report.ReportFiles;

@Command(scope = "markguard", name = "report",
        description = "Writes a report (daily, period, hotspots) as csv, xlsx or pdf, or prints its totals")
@Service
public class ReportCommand implements Action {
    @Reference
    Reports reports;

    @Argument(index = 0, name = "kind", required = true, description = "daily, period or hotspots")
    String kind;

    @Option(name = "--date", description = "daily: the day (YYYY-MM-DD, default today in the report time zone)")
    String date;

    @Option(name = "--from", description = "period / hotspots: first day")
    String from;

    @Option(name = "--to", description = "period / hotspots: last day")
    String to;

    @Option(name = "--baseline-from", description = "period: first baseline day (default: a year before --from)")
    String baselineFrom;

    @Option(name = "--baseline-to", description = "period: last baseline day")
    String baselineTo;

    @Option(name = "--format", description = "csv, xlsx or pdf (with --out)")
    String format = "pdf";

    @Option(name = "--lang", description = "vi or en")
    String lang = "vi";

    @Option(name = "--out", description = "file to write; without it the totals are printed")
    String out;

    @Override
    public Object execute() throws Exception {
        ReportFiles.File file;
        switch (kind) {
            case "daily" -> {
                Reports.DailyReport r = reports.daily(date == null ? LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")) : LocalDate.parse(date));
                if (out == null) {
                    System.out.println(r.day() + " (" + r.timeZone() + "): " + r.totals());
                    return null;
                }
                file = ReportFiles.daily(r, format, lang);
            }
            case "period" -> {
                Reports.PeriodReport r = reports.period(day(from, "--from"), day(to, "--to"), optional(baselineFrom), optional(baselineTo));
                if (out == null) {
                    r.measures().stream().filter(m -> m.key().isEmpty()).forEach(m -> System.out.printf("%-10s %8d  baseline %8d  %s%n",
                            m.measure(), m.value(), m.baseline(), m.changePercent() == null ? "" : String.format("%+.1f %%", m.changePercent())));
                    return null;
                }
                file = ReportFiles.period(r, format, lang);
            }
            case "hotspots" -> {
                Reports.HotspotReport r = reports.hotspots(day(from, "--from"), day(to, "--to"));
                if (out == null) {
                    r.provinces().forEach(h -> System.out.println(h.label() + ": " + h.confirmed() + " confirmed, " + h.accounts() + " accounts"));
                    return null;
                }
                file = ReportFiles.hotspots(r, format, lang);
            }
            default -> throw new IllegalArgumentException("kind must be daily, period or hotspots: " + kind);
        }
        Path target = Path.of(out);
        Files.write(target, file.bytes());
        System.out.println("wrote " + target.toAbsolutePath() + " (" + file.bytes().length + " bytes)");
        return null;
    }

    private static LocalDate day(String s, String option) {
        if (s == null) {
            throw new IllegalArgumentException(option + " is required (YYYY-MM-DD)");
        }
        return LocalDate.parse(s);
    }

    private static LocalDate optional(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
