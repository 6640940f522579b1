package org.markguard.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markguard.api.AuditTrail;
import org.markguard.api.Reports;
import org.markguard.report.ReportFiles;

/** {@code /reports}: the daily, period and hot-spot reports as JSON, CSV, XLSX or PDF (every role). */
final class ReportRoutes {
    private final Reports reports;
    private final AuditTrail audit;

    ReportRoutes(Reports reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/reports/daily", Role.ANY, this::daily),
                new Route("GET", "/reports/period", Role.ANY, this::period),
                new Route("GET", "/reports/hotspots", Role.ANY, this::hotspots));
    }

    private Object daily(ApiRequest r) throws Exception {
        r.allowOnlyQuery(Set.of("date", "format", "lang"));
        LocalDate day = date(r, "date", true);
        String format = format(r);
        Reports.DailyReport report = reports.daily(day);
        return format.equals("json") ? report : file(r, ReportFiles.daily(report, format, lang(r)));
    }

    private Object period(ApiRequest r) throws Exception {
        r.allowOnlyQuery(Set.of("from", "to", "baselineFrom", "baselineTo", "format", "lang"));
        String format = format(r);
        Reports.PeriodReport report = reports.period(date(r, "from", true), date(r, "to", true),
                date(r, "baselineFrom", false), date(r, "baselineTo", false));
        return format.equals("json") ? report : file(r, ReportFiles.period(report, format, lang(r)));
    }

    private Object hotspots(ApiRequest r) throws Exception {
        r.allowOnlyQuery(Set.of("from", "to", "format", "lang"));
        String format = format(r);
        Reports.HotspotReport report = reports.hotspots(date(r, "from", true), date(r, "to", true));
        return format.equals("json") ? report : file(r, ReportFiles.hotspots(report, format, lang(r)));
    }

    /** A report file leaves the system: that is an export, and audited as one. */
    private Route.Raw file(ApiRequest r, ReportFiles.File f) {
        audit.record(r.caller().user(), "export.report", f.fileName(), r.http().getQueryString());
        return new Route.Raw(200, f.contentType(), f.bytes(),
                Map.of("Content-Disposition", "attachment; filename=\"" + f.fileName() + "\""));
    }

    private static String format(ApiRequest r) {
        String f = r.query("format") == null ? "json" : r.query("format").strip().toLowerCase(Locale.ROOT);
        if (!ReportFiles.FORMATS.contains(f)) {
            throw ApiException.badRequest("format must be one of " + ReportFiles.FORMATS + ": '" + f + "'");
        }
        return f;
    }

    private static String lang(ApiRequest r) {
        String l = r.query("lang") == null ? "vi" : r.query("lang").strip().toLowerCase(Locale.ROOT);
        if (!l.equals("vi") && !l.equals("en")) {
            throw ApiException.badRequest("lang must be vi or en: '" + l + "'");
        }
        return l;
    }

    private static LocalDate date(ApiRequest r, String name, boolean required) {
        String s = r.query(name);
        if (s == null || s.isBlank()) {
            if (required) {
                throw ApiException.badRequest(name + " is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date YYYY-MM-DD: '" + s + "'");
        }
    }
}
