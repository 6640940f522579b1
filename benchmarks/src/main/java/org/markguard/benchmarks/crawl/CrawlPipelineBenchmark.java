package org.markguard.benchmarks.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.markguard.benchmarks.ProcessCpu;

/**
 * End-to-end crawl throughput (crawl → extract → detect → capture → index, in the running Karaf)
 * beside crawler4j's raw fetch rate on the same pages, measured in the same run, plus Karaf's peak
 * heap. Run by {@code benchmarks/crawl-benchmark.sh}, which starts a server of its own.
 *
 * <p>Arguments: listings (default 5000), platform (default lazada), and optionally a warm-up platform:
 * when given, both the raw crawler and markguard first crawl that part of a second marketplace (seed 43,
 * on 127.0.0.2: other pages, other host), unmeasured, so that the measured crawls run on compiled code (a server runs for
 * days; in its first minute the JIT compiler takes most of a core). Environment: MARKGUARD_API, MARKGUARD_ADMIN_PASSWORD, MARKGUARD_HOME (for
 * Karaf's pid), MARKGUARD_DEMO_JAR.
 *
 * <p>Product photos: {@code crawl-benchmark.sh} writes {@code images.perListing} into Karaf's
 * {@code etc/org.markguard.crawl.cfg} when IMAGES_PER_LISTING is set; the harness prints the setting in
 * force and, after the measured crawl, how many of a sample of indexed listings carry photo facts, so a
 * result says whether photos were fetched.
 *
 * <p>Both crawls are timed from their start to their last page: the raw one to its last visit, the
 * pipeline to its {@code lastPageAt} (the last page's listing acknowledged by the store, i.e. fsynced
 * in its durable spool, from where one writer thread puts it into Elasticsearch within a batch;
 * {@code spooled} in /health must be 0 when the crawl ends). crawler4j returns 3–4 s after the last
 * page (its monitor makes sure, twice a second apart, that no thread finds work, then waits for
 * clean-up): until session 5 both times included that tail, which flattered the raw rate's
 * denominator as much as the pipeline's; the old figures are printed beside the new ones.
 *
 * <p>{@code WARMUP_ROUNDS} (default 1) repeats the warm-up, each round on a marketplace of its own:
 * on 2 cores the JIT compilers need several crawls before they stop competing with the crawl, and
 * each round prints how much of Karaf's CPU they took.
 */
public final class CrawlPipelineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CrawlPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int listings = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        String platform = args.length > 1 ? args[1] : "lazada";
        String warmup = args.length > 2 ? args[2] : null;
        String api = System.getenv().getOrDefault("MARKGUARD_API", "http://127.0.0.1:8181/api/v1");
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + System.getenv("MARKGUARD_ADMIN_PASSWORD"))
                .getBytes(StandardCharsets.UTF_8));
        Process demo = new ProcessBuilder("java", "-jar", System.getenv("MARKGUARD_DEMO_JAR"), "--port", "0",
                "--listings", String.valueOf(listings), "--seed", "42").start();
        try {
            String base = ready(demo);
            String seed = base + "/" + platform + "/";
            String include = "/" + platform + "/";
            System.out.printf("demo marketplace: %d listings at %s%n", listings, base);
            System.out.printf("photos: %s%n", photoSetting());

            HttpClient http = HttpClient.newHttpClient();
            int rounds = warmup == null ? 0 : Integer.parseInt(System.getenv().getOrDefault("WARMUP_ROUNDS", "1"));
            for (int round = 0; round < rounds; round++) {
                // another host, so the measured crawl does not revisit the warm-up's listings; each round
                // another seed and port, so no round revisits another's
                Process other = new ProcessBuilder("java", "-jar", System.getenv("MARKGUARD_DEMO_JAR"), "--port", "0",
                        "--bind", "127.0.0.2", "--listings", String.valueOf(listings), "--seed",
                        String.valueOf(43 + round)).start();
                try {
                    String otherBase = ready(other);
                    RawFetchBaseline.Result rawWarm = RawFetchBaseline.run(otherBase + "/" + warmup + "/",
                            "/" + warmup + "/", 2);
                    long karaf = ProcessCpu.launcherPid("karaf");
                    long[] before = ProcessCpu.collectorAndCompilerMillis(karaf);
                    long cpuBefore = ProcessCpu.millis(karaf);
                    Run warm = crawl(http, api, auth, otherBase, warmup);
                    long[] after = ProcessCpu.collectorAndCompilerMillis(karaf);
                    System.out.printf("warm-up %d on %s of a second marketplace (not measured): raw %d pages in %.1f s,"
                            + " pipeline %d pages in %.1f s; Karaf CPU %.1f s, of which JIT compiler %.1f s%n", round + 1,
                            warmup, rawWarm.pages(), rawWarm.seconds(), warm.pages(), warm.seconds(),
                            (ProcessCpu.millis(karaf) - cpuBefore) / 1000.0, (after[1] - before[1]) / 1000.0);
                } finally {
                    other.destroy();
                }
            }
            long[] cpu = {ProcessCpu.millis(ProcessHandle.current().pid()), ProcessCpu.millis(demo.pid())};
            RawFetchBaseline.Result raw = RawFetchBaseline.run(seed, include, 2);
            long rawCpuMillis = ProcessCpu.millis(ProcessHandle.current().pid()) - cpu[0] + ProcessCpu.millis(demo.pid()) - cpu[1];
            System.out.printf("raw crawler4j fetch: %d pages in %.2f s to the last page = %.0f pages/s (crawler4j returned"
                    + " after %.1f s; CPU: crawler %.1f s, marketplace %.1f s)%n",
                    raw.pages(), raw.seconds(), raw.pagesPerSecond(), raw.controllerSeconds(),
                    (ProcessCpu.millis(ProcessHandle.current().pid()) - cpu[0]) / 1000.0, (ProcessCpu.millis(demo.pid()) - cpu[1]) / 1000.0);

            long karaf = ProcessCpu.launcherPid("karaf");
            long es = ProcessCpu.launcherPid("es");
            if (karaf < 0 || es < 0) {
                throw new IllegalStateException("no karaf.pid / es.pid under MARKGUARD_HOME/run: is the server from the launcher?");
            }
            cpu = new long[] {ProcessCpu.millis(karaf), ProcessCpu.millis(es), ProcessCpu.millis(demo.pid())};
            long[] karafGcJit = ProcessCpu.collectorAndCompilerMillis(karaf);
            long[] esGcJit = ProcessCpu.collectorAndCompilerMillis(es);
            HeapSampler heap = HeapSampler.start(karaf);
            Run run = crawl(http, api, auth, base, platform);
            long peak = heap.stop();
            long pipelineCpuMillis = ProcessCpu.millis(karaf) - cpu[0] + ProcessCpu.millis(es) - cpu[1]
                    + ProcessCpu.millis(demo.pid()) - cpu[2];
            System.out.printf("CPU used by the measured crawl: Karaf %.1f s, Elasticsearch %.1f s, marketplace %.1f s%n",
                    (ProcessCpu.millis(karaf) - cpu[0]) / 1000.0, (ProcessCpu.millis(es) - cpu[1]) / 1000.0,
                    (ProcessCpu.millis(demo.pid()) - cpu[2]) / 1000.0);
            long[] karafGcJitAfter = ProcessCpu.collectorAndCompilerMillis(karaf);
            long[] esGcJitAfter = ProcessCpu.collectorAndCompilerMillis(es);
            System.out.printf("  of which collector threads / JIT compiler threads: Karaf %.1f / %.1f s, Elasticsearch %.1f / %.1f s%n",
                    (karafGcJitAfter[0] - karafGcJit[0]) / 1000.0, (karafGcJitAfter[1] - karafGcJit[1]) / 1000.0,
                    (esGcJitAfter[0] - esGcJit[0]) / 1000.0, (esGcJitAfter[1] - esGcJit[1]) / 1000.0);
            System.out.printf("pipeline: %d pages, %d listings in %.2f s to the last page processed = %.0f pages/s,"
                    + " %.0f listings/s (%s, %d errors; the crawl reported FINISHED after %.1f s)%n",
                    run.pages(), run.listings(), run.secondsToLastPage(), run.pages() / run.secondsToLastPage(),
                    run.listings() / run.secondsToLastPage(), run.state(), run.errors(), run.seconds());
            System.out.printf("ratio pipeline/raw pages per second, to the last page: %.2f%n",
                    (run.pages() / run.secondsToLastPage()) / raw.pagesPerSecond());
            System.out.printf("  (as sessions 1-5 measured it, both up to crawler4j's end: %.2f, pipeline %.0f listings/s)%n",
                    (run.pages() / run.secondsUntilWritten()) / (raw.pages() / raw.controllerSeconds()),
                    run.listings() / run.secondsUntilWritten());
            // a necessary condition, not a sufficient one: however well the work overlaps, a crawl cannot
            // end before its CPU time spread over every core
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("CPU per page: raw %.2f ms (%d cores %.0f %% busy until its last page), pipeline %.2f ms;"
                    + " 0.9x the raw rate on %d cores needs the pipeline at %.2f ms per page or less%n",
                    rawCpuMillis / (double) raw.pages(), cores, 100.0 * rawCpuMillis / 1000.0 / raw.seconds() / cores,
                    pipelineCpuMillis / (double) run.pages(), cores, cores * raw.seconds() * 1000 / 0.9 / raw.pages());
            System.out.printf("Karaf peak heap used: %d MB (sampled every 200 ms with jstat); GC pauses during the crawl:"
                    + " %.2f s%n", peak / (1024 * 1024), heap.gcPauseSeconds());
            System.out.printf("photos: %s; %s%n", photoSetting(), photoFacts(http, api, auth, platform));
        } finally {
            demo.destroy();
        }
    }

    /** One measured crawl: its counters, its own duration, and the time until nothing waits in the spool. */
    record Run(long pages, long listings, long errors, String state, double seconds, double secondsUntilWritten,
               double secondsToLastPage) {
    }

    /** Crawls one part of the demo marketplace through a new source and waits until it is written. */
    private static Run crawl(HttpClient http, String api, String auth, String base, String platform) throws Exception {
        String name = "bench-" + platform + "-" + Instant.now().getEpochSecond();
        ObjectNode source = JSON.createObjectNode().put("name", name).put("platform", platform).put("maxDepth", 5)
                .put("maxPages", 1_000_000).put("politenessDelayMs", 0);
        source.putArray("seeds").add(base + "/" + platform + "/");
        source.putArray("includePatterns").add("/" + platform + "/");
        send(http, HttpRequest.newBuilder(URI.create(api + "/sources")).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(source.toString())));
        String crawl = send(http, HttpRequest.newBuilder(URI.create(api + "/sources/" + name + "/crawls"))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody())).get("id").asText();
        JsonNode status;
        do {
            Thread.sleep(500); // each poll costs Karaf a login: do not poll harder than needed
            status = send(http, HttpRequest.newBuilder(URI.create(api + "/crawls/" + crawl)).header("Authorization", auth).GET());
        } while ("RUNNING".equals(status.get("state").asText()));
        Instant started = Instant.parse(status.get("startedAt").asText());
        Instant finished = Instant.parse(status.get("finishedAt").asText());
        Instant written = finished; // unless something still waits in the spool
        while (send(http, HttpRequest.newBuilder(URI.create(api + "/health")).header("Authorization", auth).GET())
                .path("spooled").asLong() > 0) {
            Thread.sleep(20);
            written = Instant.now();
        }
        return new Run(status.get("pagesFetched").asLong(), status.get("listingsIndexed").asLong(),
                status.get("errors").asLong(), status.get("state").asText(),
                Duration.between(started, finished).toMillis() / 1000.0,
                Duration.between(started, written.isAfter(finished) ? written : finished).toMillis() / 1000.0,
                status.hasNonNull("lastPageAt")
                        ? Duration.between(started, Instant.parse(status.get("lastPageAt").asText())).toMillis() / 1000.0
                        : Duration.between(started, finished).toMillis() / 1000.0);
    }

    /** images.perListing as Karaf's crawl settings file has it, or the default when the file does not set it. */
    static String photoSetting() {
        Path cfg = Path.of(System.getenv().getOrDefault("MARKGUARD_HOME", ".markguard"), "karaf", "etc",
                "org.markguard.crawl.cfg");
        try {
            for (String line : Files.readAllLines(cfg)) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].strip().equals("images.perListing")) {
                    int n = Integer.parseInt(kv[1].strip());
                    return "images.perListing = " + n + (n == 0 ? " (off)" : " (on)");
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // no file, or not a number the crawl bundle would take: the default applies
        }
        return "images.perListing not set (default: 2 per listing, on)";
    }

    /** How many of up to 50 indexed listings of the platform carry photo facts, and how many hashes. */
    private static String photoFacts(HttpClient http, String api, String auth, String platform) {
        try {
            JsonNode items = send(http, HttpRequest.newBuilder(URI.create(api + "/listings?platform=" + platform
                    + "&size=50")).header("Authorization", auth).GET()).path("items");
            int withPhotos = 0;
            int facts = 0;
            int hashes = 0;
            java.util.Map<String, Integer> warnings = new java.util.TreeMap<>();
            for (JsonNode listing : items) {
                JsonNode images = listing.path("details").path("images");
                withPhotos += images.size() > 0 ? 1 : 0;
                for (JsonNode image : images) {
                    facts++;
                    hashes += image.path("perceptualHash").isTextual() ? 1 : 0;
                    image.path("warnings").forEach(w -> warnings.merge(w.asText(), 1, Integer::sum));
                }
            }
            return withPhotos + " of " + items.size() + " listings read back carry photo facts (" + facts + " photos, "
                    + hashes + " hashes" + (warnings.isEmpty() ? "" : ", warnings " + warnings) + ")";
        } catch (Exception e) {
            return "photo facts not read back: " + e;
        }
    }

    private static String ready(Process demo) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                String url = line.substring(6).trim();
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        }
        throw new IllegalStateException("demo marketplace did not start");
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * Peak of used heap (survivor + eden + old) of another JVM, from one {@code jstat -gc <pid> 200}
     * that prints a line every 200 ms: starting a jstat per sample would itself cost a good part of a
     * core on this machine, taken from the pipeline being measured.
     */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        /** GCT (seconds of collection pauses since the JVM started) of the first and the latest line. */
        private volatile double firstGcSeconds = -1;
        private volatile double lastGcSeconds = -1;
        private Process jstat;
        private Thread reader;

        static HeapSampler start(long pid) throws java.io.IOException {
            HeapSampler s = new HeapSampler();
            s.jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "200").redirectErrorStream(true).start();
            s.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(s.jstat.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String[] header = null;
                    String line;
                    while ((line = in.readLine()) != null) {
                        String[] cells = line.trim().split("\\s+");
                        if (header == null || cells[0].equals("S0C")) {
                            header = cells;
                            continue;
                        }
                        double used = 0;
                        for (int i = 0; i < header.length && i < cells.length; i++) {
                            if (header[i].equals("S0U") || header[i].equals("S1U") || header[i].equals("EU")
                                    || header[i].equals("OU")) {
                                used += Double.parseDouble(cells[i]);
                            }
                        }
                        s.peak.accumulateAndGet((long) (used * 1024), Math::max);
                        for (int i = 0; i < header.length && i < cells.length; i++) {
                            if (header[i].equals("GCT")) {
                                double gct = Double.parseDouble(cells[i]);
                                if (s.firstGcSeconds < 0) {
                                    s.firstGcSeconds = gct;
                                }
                                s.lastGcSeconds = gct;
                            }
                        }
                    }
                } catch (java.io.IOException | NumberFormatException e) {
                    // jstat ended or printed something else: the peak so far stands
                }
            }, "heap-sampler");
            s.reader.setDaemon(true);
            s.reader.start();
            return s;
        }

        long stop() throws InterruptedException {
            jstat.destroy();
            reader.join(2000);
            return peak.get();
        }

        /** Seconds the JVM spent in collection pauses between the first and the last sample, or -1. */
        double gcPauseSeconds() {
            return firstGcSeconds < 0 ? -1 : lastGcSeconds - firstGcSeconds;
        }
    }
}
