package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A slow crawl of the demo marketplace, Karaf killed with SIGKILL in the middle of it, Karaf started
 * again: the crawl resumes by itself (same crawl id), the demo's access log shows every listing page
 * requested exactly once over both runs, and every listing is indexed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlResumeAfterKillIT {
    static final int LISTINGS = 150;
    static final long SEED = 5;
    static final String PLATFORM = "lazada";
    Launcher server;
    DemoMarketplace demo;

    @AfterAll
    void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aCrawlKilledMidWayResumesWithoutFetchingAListingTwiceAndLosesNothing() throws Exception {
        server = new Launcher("kill-resume");
        server.start();
        Path accessLog = server.home.resolve("demo-access.log");
        demo = new DemoMarketplace(server.repo, LISTINGS, SEED, Ports.free(), 1, accessLog);
        Set<String> listingPaths = new HashSet<>();
        for (JsonNode l : demo.labels().get("listings")) {
            if (l.get("platform").asText().equals(PLATFORM) && l.path("offer").asBoolean(true)) {
                listingPaths.add(URI.create(l.get("url").asText()).getPath());
            }
        }
        Api admin = server.admin();
        Crawls crawls = new Crawls(admin);
        assertEquals(201, admin.post("/sources", Crawls.demoSource("killed", PLATFORM, demo.base)
                .replace("\"politenessDelayMs\":0", "\"politenessDelayMs\":150")).status());
        String crawl = crawls.start("killed");
        long beforeKill;
        do {
            Thread.sleep(50);
            beforeKill = admin.ok(admin.get("/crawls/" + crawl)).get("listingsIndexed").asLong();
        } while (beforeKill < 8);

        long karafPid = Long.parseLong(Files.readString(server.home.resolve("run/karaf.pid")).strip());
        ProcessHandle karaf = ProcessHandle.of(karafPid).orElseThrow();
        assertTrue(karaf.destroyForcibly(), "SIGKILL not sent"); // kill -9: no shutdown hook, no clean stop
        karaf.onExit().get();
        long fetchedBeforeRestart = Files.readAllLines(accessLog).size();
        assertTrue(beforeKill < listingPaths.size(), "killed too late to tell: " + beforeKill + " of " + listingPaths.size());

        server.start(); // Karaf again; Elasticsearch kept running
        admin = server.admin();
        crawls = new Crawls(admin);
        long deadline = System.nanoTime() + 60_000_000_000L;
        Api.Response resumed;
        do {
            Thread.sleep(500);
            resumed = admin.get("/crawls/" + crawl);
        } while (resumed.status() == 404 && System.nanoTime() < deadline);
        assertEquals(200, resumed.status(), "the crawl did not resume by itself: " + admin.get("/crawls").body());
        JsonNode finished = crawls.waitFor(crawl);
        assertTrue(Files.readAllLines(accessLog).size() > fetchedBeforeRestart, "nothing fetched after the restart");

        Map<String, Integer> fetches = new HashMap<>();
        for (String line : Files.readAllLines(accessLog)) {
            String[] parts = line.split(" ");
            if (parts.length >= 2 && listingPaths.contains(parts[1])) {
                fetches.merge(parts[1], 1, Integer::sum);
            }
        }
        fetches.forEach((path, n) -> assertEquals(1, n, path + " fetched " + n + " times"));
        assertEquals(listingPaths, fetches.keySet(), "listing pages never fetched");
        assertEquals(listingPaths.size(), crawls.all("&platform=" + PLATFORM).size(),
                "indexed listings; resumed crawl: " + finished);
    }
}
