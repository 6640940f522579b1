package org.markguard.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The demo marketplace jar as its own process on a free loopback port. */
final class DemoMarketplace implements AutoCloseable {
    private final Process process;
    final String base;
    final int port;

    DemoMarketplace(Path repo, int listings, long seed) throws Exception {
        this(repo, listings, seed, Ports.free(), 1);
    }

    /** A given generation of the same site on a given port (a re-crawl sees changed prices, removals). */
    DemoMarketplace(Path repo, int listings, long seed, int port, int generation) throws Exception {
        this(repo, listings, seed, port, generation, null);
    }

    /** As above, logging every request to {@code accessLog} (MARKGUARD_DEMO_ACCESS_LOG) when not null. */
    DemoMarketplace(Path repo, int listings, long seed, int port, int generation, Path accessLog) throws Exception {
        this.port = port;
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", repo.resolve("demo/target/markguard-demo.jar").toString(),
                "--port", String.valueOf(port), "--listings", String.valueOf(listings), "--seed", String.valueOf(seed),
                "--generation", String.valueOf(generation));
        if (accessLog != null) {
            pb.environment().put("MARKGUARD_DEMO_ACCESS_LOG", accessLog.toString());
        }
        process = pb.redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        String ready = null;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                ready = line.substring(6).trim();
                break;
            }
        }
        if (ready == null) {
            process.destroyForcibly();
            throw new AssertionError("demo marketplace did not print READY");
        }
        base = ready.endsWith("/") ? ready.substring(0, ready.length() - 1) : ready;
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "demo-out");
        drain.setDaemon(true);
        drain.start();
    }

    JsonNode labels() {
        Api.Response r = new Api(base, null, null).get("/labels.json");
        if (r.status() != 200 || r.json() == null) {
            throw new AssertionError("labels.json: HTTP " + r.status());
        }
        return r.json();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
