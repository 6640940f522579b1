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

/**
 * End-to-end crawl throughput (crawl → extract → detect → capture → index, in the running Karaf)
 * beside crawler4j's raw fetch rate on the same pages, measured in the same run, plus Karaf's peak
 * heap. Run by {@code benchmarks/crawl-benchmark.sh}, which starts a server of its own.
 *
 * <p>Arguments: listings (default 5000), platform (default lazada). Environment: MARKGUARD_API,
 * MARKGUARD_ADMIN_PASSWORD, MARKGUARD_HOME (for Karaf's pid), MARKGUARD_DEMO_JAR.
 */
public final class CrawlPipelineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CrawlPipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int listings = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        String platform = args.length > 1 ? args[1] : "lazada";
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

            RawFetchBaseline.Result raw = RawFetchBaseline.run(seed, include, 2);
            System.out.printf("raw crawler4j fetch: %d pages in %.1f s = %.0f pages/s%n", raw.pages(), raw.seconds(),
                    raw.pagesPerSecond());

            HttpClient http = HttpClient.newHttpClient();
            String name = "bench-" + Instant.now().getEpochSecond();
            ObjectNode source = JSON.createObjectNode().put("name", name).put("platform", platform).put("maxDepth", 5)
                    .put("maxPages", 1_000_000).put("politenessDelayMs", 0);
            source.putArray("seeds").add(seed);
            source.putArray("includePatterns").add(include);
            send(http, HttpRequest.newBuilder(URI.create(api + "/sources")).header("Authorization", auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(source.toString())));
            String crawl = send(http, HttpRequest.newBuilder(URI.create(api + "/sources/" + name + "/crawls"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody())).get("id").asText();
            HeapSampler heap = HeapSampler.start(karafPid());
            JsonNode status;
            do {
                Thread.sleep(500);
                status = send(http, HttpRequest.newBuilder(URI.create(api + "/crawls/" + crawl)).header("Authorization", auth).GET());
            } while ("RUNNING".equals(status.get("state").asText()));
            long peak = heap.stop();
            double seconds = Duration.between(Instant.parse(status.get("startedAt").asText()),
                    Instant.parse(status.get("finishedAt").asText())).toMillis() / 1000.0;
            long pages = status.get("pagesFetched").asLong();
            long indexed = status.get("listingsIndexed").asLong();
            System.out.printf("pipeline: %d pages, %d listings in %.1f s = %.0f pages/s, %.0f listings/s (%s, %d errors)%n",
                    pages, indexed, seconds, pages / seconds, indexed / seconds, status.get("state").asText(),
                    status.get("errors").asLong());
            System.out.printf("ratio pipeline/raw pages per second: %.2f%n", (pages / seconds) / raw.pagesPerSecond());
            System.out.printf("Karaf peak heap used: %d MB (sampled every 200 ms with jstat)%n", peak / (1024 * 1024));
        } finally {
            demo.destroy();
        }
    }

    private static long karafPid() throws Exception {
        Path pidFile = Path.of(System.getenv().getOrDefault("MARKGUARD_HOME", ".markguard"), "run", "karaf.pid");
        return Long.parseLong(Files.readString(pidFile).strip());
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

    /** Peak of used heap (survivor + eden + old) from jstat samples of another JVM. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        static HeapSampler start(long pid) {
            HeapSampler s = new HeapSampler();
            s.thread = new Thread(() -> {
                while (s.running) {
                    try {
                        Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(pid)).start();
                        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
                        if (lines.length >= 2) {
                            String[] h = lines[0].trim().split("\\s+");
                            String[] v = lines[1].trim().split("\\s+");
                            double used = 0;
                            for (int i = 0; i < h.length; i++) {
                                if (h[i].equals("S0U") || h[i].equals("S1U") || h[i].equals("EU") || h[i].equals("OU")) {
                                    used += Double.parseDouble(v[i]);
                                }
                            }
                            s.peak.accumulateAndGet((long) (used * 1024), Math::max);
                        }
                        Thread.sleep(200);
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join(2000);
            return peak.get();
        }
    }
}
