package org.markguard.benchmarks.search;

import java.util.List;
import java.util.Locale;

/** The results as markdown tables, the form BENCHMARKS.md uses. */
final class ReportTable {
    private ReportTable() {
    }

    static String percentiles(List<Series> perQuery, Series overall) {
        StringBuilder t = new StringBuilder("| query | hits | REST p50 | REST p95 | REST p99 | direct p50 | direct p95 | direct p99 | REST p95 / direct p95 |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (Series s : perQuery) {
            row(t, s.name(), String.format(Locale.ROOT, "%,d", s.hits()), s);
        }
        row(t, "**all " + perQuery.size() + " queries**", "", overall);
        return t.toString();
    }

    static String concurrent(List<Series> perQuery, Series overall, int threads) {
        StringBuilder t = new StringBuilder("| query (" + threads + " client threads) | REST p95 | direct p95 | REST p95 / direct p95 |\n")
                .append("|---|---|---|---|\n");
        for (Series s : perQuery) {
            t.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.2f |%n", s.name(), s.rest().percentileMs(95),
                    s.direct().percentileMs(95), s.ratio()));
        }
        t.append(String.format(Locale.ROOT, "| **all** | %.1f ms | %.1f ms | %.2f |%n", overall.rest().percentileMs(95),
                overall.direct().percentileMs(95), overall.ratio()));
        return t.toString();
    }

    /**
     * Where a REST search's time goes, at the median, from the server's own {@code Server-Timing}:
     * the wait on the listing store (Elasticsearch's round trip and the answer read into listings),
     * the rest of the server's work (routing, authentication, the JSON answer written), and what
     * the client saw beyond the server's time (the HTTP exchange with Karaf's Jetty).
     */
    static String breakdown(List<Series> perQuery) {
        StringBuilder t = new StringBuilder("| query (medians) | direct | store (in Karaf) | rest of the server | HTTP to Karaf | REST |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Series s : perQuery) {
            if (s.server().count() == 0) {
                continue; // a server without Server-Timing
            }
            double store = s.store().percentileMs(50);
            double server = s.server().percentileMs(50);
            double rest = s.rest().percentileMs(50);
            t.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", s.name(),
                    s.direct().percentileMs(50), store, server - store, rest - server, rest));
        }
        return t.toString();
    }

    private static void row(StringBuilder t, String name, String hits, Series s) {
        t.append(String.format(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.2f |%n",
                name, hits, s.rest().percentileMs(50), s.rest().percentileMs(95), s.rest().percentileMs(99),
                s.direct().percentileMs(50), s.direct().percentileMs(95), s.direct().percentileMs(99), s.ratio()));
    }
}
