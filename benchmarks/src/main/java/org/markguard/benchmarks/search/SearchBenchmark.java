package org.markguard.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.markguard.benchmarks.ProcessCpu;

/**
 * Search latency of the workbench on N listings of the demo marketplace (issue goals: p95 ≤ 150 ms
 * for a faceted query through REST, and REST ≤ 1.3× the same query sent straight to
 * Elasticsearch). Loads N demo listings into the running server's index by bulk, checks that each
 * query's REST and direct answers agree, then times both, interleaved, with one client thread and
 * then with several. Run by {@code benchmarks/search-benchmark.sh [N] [rounds]}.
 *
 * <p>Environment: MARKGUARD_API, MARKGUARD_ADMIN_PASSWORD, MARKGUARD_ES_URL; SEARCH_BENCH_THREADS
 * (default 4, 0 skips the concurrent run), SEARCH_BENCH_MAX_LOAD (default 2.5: the 1-minute load
 * average to wait for before timing), SEARCH_BENCH_WAIT_MINUTES (default 10: how long to wait for it),
 * SEARCH_BENCH_WARMUP (default 300 untimed rounds of every query, both ways, before any is timed) and
 * SEARCH_BENCH_REPORT_ROUNDS (default 10 timed requests per report, see {@link ReportTiming}; 0 skips them).
 */
public final class SearchBenchmark {
    private static final String ALIAS = "markguard-listings";
    private static final long SEED = 42;
    private static final double P95_GOAL_MS = 150;
    private static final double RATIO_GOAL = 1.3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String api = System.getenv().getOrDefault("MARKGUARD_API", "http://127.0.0.1:8181/api/v1");
        String es = System.getenv().getOrDefault("MARKGUARD_ES_URL", "http://127.0.0.1:9200");
        int threads = Integer.parseInt(System.getenv().getOrDefault("SEARCH_BENCH_THREADS", "4"));
        double maxLoad = Double.parseDouble(System.getenv().getOrDefault("SEARCH_BENCH_MAX_LOAD", "2.5"));
        int waitMinutes = Integer.parseInt(System.getenv().getOrDefault("SEARCH_BENCH_WAIT_MINUTES", "10"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("SEARCH_BENCH_WARMUP", "300"));
        SearchEndpoint rest = SearchEndpoint.rest(api, System.getenv("MARKGUARD_ADMIN_PASSWORD"));
        SearchEndpoint direct = SearchEndpoint.direct(es, ALIAS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        System.out.println("load average at start: " + loadAverage());

        rest.send(new WorkbenchQuery("layout", "size=1", null)); // makes the server create its index layout
        long t0 = System.nanoTime();
        new BulkLoad(http, es).load(SEED, n, ALIAS);
        System.out.printf("loaded %,d demo listings (seed %d) in %.1f s; %s%n", n, SEED, (System.nanoTime() - t0) / 1e9,
                indexStats(http, es));
        settle(http, es, maxLoad, waitMinutes);
        System.out.printf("index after merges: %s%n", indexStats(http, es));

        List<WorkbenchQuery> queries = new ArrayList<>(WorkbenchQueries.firstPages());
        String cursor = JSON.readTree(rest.send(WorkbenchQueries.OPEN_QUEUE)).path("next").asText(null);
        if (cursor == null) {
            throw new IllegalStateException("the open queue has a single page: no cursor to follow");
        }
        queries.add(WorkbenchQueries.openQueuePage2(cursor));
        List<Series> single = new ArrayList<>();
        for (WorkbenchQuery q : queries) {
            single.add(new Series(q.name(), Agreement.check(q, rest.send(q), direct.send(q))));
        }
        System.out.println("REST and direct answers agree (total, page ids, every facet) for all " + queries.size() + " queries");

        String loadBefore = loadAverage();
        PairedRun run = new PairedRun(rest, direct);
        Series all = new Series("all", 0);
        long karaf = ProcessCpu.launcherPid("karaf");
        long elasticsearch = ProcessCpu.launcherPid("es");
        StringBuilder cpu = new StringBuilder("CPU time per request pair in the single-thread run (from /proc; Karaf "
                + "serves only the REST request of a pair, Elasticsearch both), which machine load hardly moves:\n\n"
                + "| query | Karaf CPU per REST search | Elasticsearch CPU per search |\n|---|---|---|\n");
        // the whole server warmed up first, every query in turn, so the JIT compiler is done before any
        // query is timed (right after a start, compiling is a large share of Karaf's CPU)
        long warmupStarted = System.nanoTime();
        for (int round = 0; round < warmup; round++) {
            for (WorkbenchQuery q : queries) {
                rest.send(q);
                direct.send(q);
            }
        }
        System.out.printf("warm-up: %d rounds of all %d queries, both ways, in %.0f s%n", warmup, queries.size(),
                (System.nanoTime() - warmupStarted) / 1e9);
        for (int i = 0; i < queries.size(); i++) {
            long karaf0 = ProcessCpu.millis(karaf);
            long es0 = ProcessCpu.millis(elasticsearch);
            run.measure(queries.get(i), single.get(i), 0, rounds);
            cpu.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms |%n", queries.get(i).name(),
                    (ProcessCpu.millis(karaf) - karaf0) / (double) rounds,
                    (ProcessCpu.millis(elasticsearch) - es0) / (2.0 * rounds)));
            all.addAll(single.get(i));
            System.out.printf("  %-36s REST p95 %6.1f ms, direct p95 %6.1f ms%n", queries.get(i).name(),
                    single.get(i).rest().percentileMs(95), single.get(i).direct().percentileMs(95));
        }
        String loadAfterSingle = loadAverage();

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%,d demo listings; one client thread, %d REST + %d direct requests per query "
                + "(after a warm-up of %d rounds of every query both ways), interleaved:%n%n", n, rounds, rounds, warmup));
        report.append(ReportTable.percentiles(single, all)).append('\n');
        report.append(ReportTable.breakdown(single)).append('\n');
        if (karaf > 0 && elasticsearch > 0) {
            report.append(cpu).append('\n');
        }
        if (threads > 0) {
            List<Series> concurrent = new ArrayList<>();
            Series allConcurrent = new Series("all", 0);
            for (int i = 0; i < queries.size(); i++) {
                Series s = new Series(queries.get(i).name(), single.get(i).hits());
                run.measureConcurrently(queries.get(i), s, threads, Math.max(1, rounds / threads));
                concurrent.add(s);
                allConcurrent.addAll(s);
            }
            report.append(ReportTable.concurrent(concurrent, allConcurrent, threads)).append('\n');
        }
        report.append(verdict(single, all));
        report.append(String.format("load average (1, 5, 15 min): %s before timing, %s after the single-thread run, %s at the end%n",
                loadBefore, loadAfterSingle, loadAverage()));
        if (!"0".equals(System.getenv("SEARCH_BENCH_REPORT_ROUNDS"))) {
            report.append('\n').append(new ReportTiming(api, System.getenv("MARKGUARD_ADMIN_PASSWORD"))
                    .run(Integer.parseInt(System.getenv().getOrDefault("SEARCH_BENCH_REPORT_ROUNDS", "10"))));
        }
        System.out.println();
        System.out.print(report);
    }

    private static String verdict(List<Series> single, Series all) {
        Series slowest = single.stream().max(Comparator.comparingDouble(s -> s.rest().percentileMs(95))).orElseThrow();
        Series heaviest = single.stream().max(Comparator.comparingDouble(Series::ratio)).orElseThrow();
        double p95 = slowest.rest().percentileMs(95);
        return String.format(Locale.ROOT, "goal REST p95 ≤ %.0f ms on every faceted query: %s (slowest: '%s', %.1f ms; all queries %.1f ms)%n"
                        + "goal REST ≤ %.1f× direct (p95): %s (largest: '%s', %.2f; all queries %.2f)%n",
                P95_GOAL_MS, p95 <= P95_GOAL_MS ? "met" : "NOT met", slowest.name(), p95, all.rest().percentileMs(95),
                RATIO_GOAL, heaviest.ratio() <= RATIO_GOAL ? "met" : "NOT met", heaviest.name(), heaviest.ratio(), all.ratio());
    }

    /**
     * Waits until Elasticsearch has no merge running (a freshly bulk-loaded index merges for a
     * while, which would be timed otherwise), then until the machine's 1-minute load is at most
     * maxLoad (builds of others share it), each for at most {@code minutes}.
     */
    private static void settle(HttpClient http, String es, double maxLoad, int minutes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        while (currentMerges(http, es) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        while (Double.parseDouble(loadAverage().split(" ")[0]) > maxLoad && System.nanoTime() < deadline) {
            System.out.println("  waiting for the load average to fall to " + maxLoad + ": " + loadAverage());
            Thread.sleep(15_000);
        }
    }

    private static long currentMerges(HttpClient http, String es) throws Exception {
        JsonNode stats = get(http, es + "/" + ALIAS + "/_stats/merge");
        return stats.path("_all").path("primaries").path("merges").path("current").asLong();
    }

    private static String indexStats(HttpClient http, String es) throws Exception {
        JsonNode p = get(http, es + "/" + ALIAS + "/_stats/docs,store,segments").path("_all").path("primaries");
        return String.format(Locale.ROOT, "%,d documents, %.0f MB, %d segments", p.path("docs").path("count").asLong(),
                p.path("store").path("size_in_bytes").asLong() / 1e6, p.path("segments").path("count").asLong());
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The first three fields of /proc/loadavg: the 1-, 5- and 15-minute load averages. */
    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
