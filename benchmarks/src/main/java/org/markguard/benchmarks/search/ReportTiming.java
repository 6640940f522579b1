package org.markguard.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;

/**
 * Times the reports over the loaded index through REST (issue goal: a daily report over 1,000,000
 * listings in ≤ 5 s): the daily report of a day in the middle of the loaded range as JSON, XLSX and
 * PDF, and a month's period report with its baseline, each after warm-up. Every timed request asks
 * for another day (or month), so none is answered from Elasticsearch's shard request cache, which
 * keeps the results of identical aggregation-only searches. Checks that the day's report counts
 * something, so an empty answer is not timed as a fast one.
 */
final class ReportTiming {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String api;
    private final String auth;

    ReportTiming(String api, String password) {
        this.api = api;
        this.auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    String run(int rounds) throws Exception {
        LocalDate day = LocalDate.ofInstant(StoredDocuments.FIRST_CAPTURE.plus(StoredDocuments.CAPTURE_SPAN.dividedBy(2)),
                java.time.ZoneOffset.UTC);
        JsonNode report = JSON.readTree(get("/reports/daily?date=" + day + "&format=json"));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Reports through REST (%d timed requests each after 3 warm-up; daily report of %s: %s):%n%n",
                rounds, day, summary(report)));
        out.append("| report (each request another day or month) | p50 | p95 | max |\n|---|---|---|---|\n");
        int[] offset = {0};
        for (String format : new String[] {"json", "xlsx", "pdf"}) {
            out.append(row("daily, " + format, () -> "/reports/daily?date=" + day.minusDays(60).plusDays(offset[0]++)
                    + "&format=" + format, rounds));
        }
        LocalDate first = StoredDocuments.FIRST_CAPTURE.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        int[] month = {0};
        out.append(row("period (a month vs the month before, each 1st–last day), json", () -> {
            LocalDate from = first.plusMonths(1 + month[0]++ % 5).plusDays(month[0] / 5);
            return "/reports/period?from=" + from + "&to=" + from.plusMonths(1).minusDays(1) + "&baselineFrom="
                    + from.minusMonths(1) + "&baselineTo=" + from.minusDays(1) + "&format=json";
        }, rounds));
        int[] spot = {0};
        out.append(row("hot spots (a month), json", () -> {
            LocalDate from = first.plusDays(spot[0]++ * 3L);
            return "/reports/hotspots?from=" + from + "&to=" + from.plusMonths(1) + "&format=json";
        }, rounds));
        return out.toString();
    }

    private static String summary(JsonNode report) {
        String text = report.toString();
        if (text.length() > 160) {
            text = text.substring(0, 160) + "…";
        }
        if (!text.matches(".*[1-9].*")) {
            throw new IllegalStateException("the daily report counts nothing: " + text);
        }
        return text.replace('|', '/');
    }

    private String row(String name, java.util.function.Supplier<String> paths, int rounds) throws Exception {
        for (int i = 0; i < 3; i++) {
            get(paths.get());
        }
        Latencies l = new Latencies();
        for (int i = 0; i < rounds; i++) {
            String path = paths.get();
            long t = System.nanoTime();
            get(path);
            l.add(System.nanoTime() - t);
        }
        return String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |%n", name, l.percentileMs(50),
                l.percentileMs(95), l.percentileMs(100));
    }

    private byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }
}
