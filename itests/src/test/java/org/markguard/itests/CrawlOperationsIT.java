package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** What an admin running crawls for weeks relies on: cfg files, the console, and no loss when ES goes away. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlOperationsIT {
    static final int LISTINGS = 300;
    static final long SEED = 11;
    Launcher server;
    DemoMarketplace demo;
    Api admin;
    Crawls crawls;
    long lazadaListings;

    @BeforeAll
    void start() throws Exception {
        server = new Launcher("operations");
        server.start();
        demo = new DemoMarketplace(server.repo, LISTINGS, SEED);
        admin = server.admin();
        crawls = new Crawls(admin);
        for (JsonNode l : demo.labels().get("listings")) {
            if (l.get("platform").asText().equals("lazada") && l.path("offer").asBoolean(true)) {
                lazadaListings++;
            }
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private Path sourceFile(String name) {
        return server.karafBase().resolve("etc/markguard.source-" + name + ".cfg");
    }

    private JsonNode waitForSource(String id, String field, String value) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Response r = admin.get("/sources/" + id);
            if (r.status() == 200 && (field == null || r.json().get(field).asText().equals(value))) {
                return r.json();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("source " + id + " with " + field + "=" + value + " did not appear: "
                + admin.get("/sources").body());
    }

    @Test
    @Order(1)
    void aSourceFileDroppedOrEditedInEtcTakesEffectWithoutRestart() throws Exception {
        Files.writeString(sourceFile("filed"), "# a source written by hand\nplatform = tiktok\n"
                + "seeds = " + demo.base + "/tiktok/\nincludePatterns = /tiktok/\nmaxDepth = 4\nmaxPages = 50\n"
                + "politenessDelayMs = 0\n");
        JsonNode source = waitForSource("filed", "maxPages", "50");
        assertEquals("tiktok", source.get("platform").asText());
        Files.writeString(sourceFile("filed"), Files.readString(sourceFile("filed")).replace("maxPages = 50",
                "maxPages = 5000"));
        waitForSource("filed", "maxPages", "5000");
    }

    @Test
    @Order(2)
    void theConsoleListsSourcesAndFollowsACrawlWithAProgressBar() throws Exception {
        String list = KarafConsole.run(server, "markguard:source-list", "filed", 60);
        assertTrue(list.contains("tiktok"), list);
        String crawl = KarafConsole.run(server, "markguard:crawl-start --wait filed", "FINISHED", 120);
        assertTrue(crawl.matches("(?s).*\\[#{30}\\] FINISHED \\d+ fetched, 0 queued, \\d+ listings.*"), crawl);
    }

    @Test
    @Order(3)
    void elasticsearchStoppedForAMinuteMidCrawlLosesNothing() throws Exception {
        Api.Response created = admin.post("/sources",
                Crawls.demoSource("slow-lazada", "lazada", demo.base).replace("\"politenessDelayMs\":0",
                        "\"politenessDelayMs\":40"));
        assertEquals(201, created.status(), created.body());
        String crawl = crawls.start("slow-lazada");
        long esPid = Long.parseLong(Files.readString(server.home.resolve("run/es.pid")).strip());
        while (admin.ok(admin.get("/crawls/" + crawl)).get("listingsIndexed").asLong() < 20) {
            Thread.sleep(100);
        }
        ProcessHandle es = ProcessHandle.of(esPid).orElseThrow();
        es.destroy(); // SIGTERM, as an operator or a crash would
        es.onExit().get();
        long downAt = System.nanoTime();
        assertEquals("DEGRADED", admin.ok(admin.get("/health")).get("status").asText());
        JsonNode status = null;
        while (System.nanoTime() - downAt < 60_000_000_000L) {
            status = admin.ok(admin.get("/crawls/" + crawl));
            Thread.sleep(1000);
        }
        assertTrue(admin.ok(admin.get("/health")).get("spooled").asLong() > 0, "nothing spooled while ES was down");
        server.start(); // brings Elasticsearch back (Karaf is still running)
        JsonNode finished = crawls.waitFor(crawl);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (admin.ok(admin.get("/health")).get("spooled").asLong() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(0, admin.ok(admin.get("/health")).get("spooled").asLong(), "spool not replayed");
        Thread.sleep(1500);
        Map<String, JsonNode> indexed = crawls.all("&platform=lazada");
        assertEquals(finished.get("listingsIndexed").asLong(), indexed.size(),
                "indexed at the end must equal extracted; crawl: " + finished + ", last while down: " + status);
        assertEquals(lazadaListings, indexed.size());
        assertEquals(0, finished.get("errors").asLong(), admin.get("/crawls/" + crawl + "/failures").body());
    }

    private long labelled(String platform) {
        long n = 0;
        for (JsonNode l : demo.labels().get("listings")) {
            if (l.get("platform").asText().equals(platform) && l.path("offer").asBoolean(true)) {
                n++;
            }
        }
        return n;
    }

    @Test
    @Order(4)
    void aRenderSourceSeesDataThatOnlyScriptsPutOnThePage() throws Exception {
        String plain = Crawls.demoSource("js-plain", "jsrender", demo.base).replace("/jsrender/", "/lab/js/");
        String rendered = Crawls.demoSource("js-rendered", "jsrender", demo.base).replace("/jsrender/", "/lab/js/")
                .replace("\"politenessDelayMs\":0", "\"politenessDelayMs\":0,\"render\":true,\"renderTimeoutMs\":15000");
        assertEquals(201, admin.post("/sources", plain).status());
        assertEquals(201, admin.post("/sources", rendered).status());
        JsonNode plainCrawl = admin.ok(admin.get("/crawls/" + crawls.start("js-plain")));
        while (admin.ok(admin.get("/crawls/" + plainCrawl.get("id").asText())).get("state").asText().equals("RUNNING")) {
            Thread.sleep(300);
        }
        assertEquals(0, admin.ok(admin.get("/crawls/" + plainCrawl.get("id").asText())).get("listingsIndexed").asLong(),
                "without rendering the script-built pages hold no listing");
        JsonNode done = crawls.waitFor(crawls.start("js-rendered"));
        assertEquals(labelled("jsrender"), done.get("listingsIndexed").asLong(), done.toString());
        assertEquals(labelled("jsrender"), crawls.all("&platform=jsrender").size());
    }

    @Test
    @Order(5)
    void cookiesOfASourceOpenAClosedGroupAndAreNeverShownOrStored() throws Exception {
        String body = Crawls.demoSource("closed-group", "private-group", demo.base)
                .replace("/private-group/", "/lab/private-group/")
                .replace("\"politenessDelayMs\":0", "\"politenessDelayMs\":0,\"cookies\":{\"session\":\"demo-secret\"}");
        Api.Response created = admin.post("/sources", body);
        assertEquals(201, created.status(), created.body());
        assertTrue(!created.body().contains("demo-secret"), created.body());
        assertEquals("[\"session\"]", created.json().get("cookieNames").toString());
        crawls.waitFor(crawls.start("closed-group"));
        assertEquals(labelled("private-group"), crawls.all("&platform=private-group").size());
        assertTrue(!admin.get("/sources").body().contains("demo-secret"));
        Path log = server.karafBase().resolve("data/log/karaf.log");
        assertTrue(!Files.readString(log).contains("demo-secret"), "the cookie value is in the log");
        try (var files = Files.list(server.karafBase().resolve("data/markguard/captures"))) {
            for (Path f : files.toList()) {
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                    String warc = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertTrue(!warc.contains("demo-secret"), "the cookie value is in " + f);
                }
            }
        }
    }

    @Test
    @Order(6)
    void aReCrawlUpdatesPricesInPlaceAndMarksRemovedListingsGone() throws Exception {
        assertEquals(201, admin.post("/sources", Crawls.demoSource("recrawl", "shopee", demo.base)).status());
        crawls.waitFor(crawls.start("recrawl"));
        Map<String, JsonNode> first = crawls.all("&platform=shopee");
        int port = demo.port;
        demo.close();
        demo = new DemoMarketplace(server.repo, LISTINGS, SEED, port, 2);
        JsonNode labels = demo.labels();
        crawls.waitFor(crawls.start("recrawl"));
        Map<String, JsonNode> second = crawls.all("&platform=shopee");
        assertEquals(first.keySet(), second.keySet(), "a re-crawl updates in place: same ids, none added or deleted");
        int gone = 0;
        int changed = 0;
        for (JsonNode l : labels.get("listings")) {
            if (!l.get("platform").asText().equals("shopee")) {
                continue;
            }
            JsonNode item = second.get(l.get("id").asText());
            JsonNode history = item.get("history");
            if (!l.path("goneSinceGeneration").isMissingNode() && !l.get("goneSinceGeneration").isNull()) {
                assertTrue(history.get("gone").asBoolean(), "not marked gone: " + l.get("url"));
                gone++;
            } else {
                assertTrue(!history.get("gone").asBoolean(), "wrongly gone: " + l.get("url"));
                JsonNode prices = l.get("priceByGeneration");
                if (prices.size() > 1 && !prices.get(0).equals(prices.get(1))) {
                    assertEquals(2, history.get("prices").size(), "price change not kept: " + item);
                    assertEquals(prices.get(1).asLong(), item.get("price").asLong());
                    changed++;
                }
            }
        }
        assertTrue(gone > 0 && changed > 0, "the generation changed nothing: gone " + gone + ", changed " + changed);
    }

    @Test
    @Order(7)
    void aDetectorConfigEditedInEtcAppliesWithoutRestart() throws Exception {
        Path cfg = server.karafBase().resolve("etc/org.markguard.detect.trademark.cfg");
        String original = Files.readString(cfg);
        crawls.waitFor(crawls.start("filed"));
        long before = crawls.all("&platform=tiktok&kind=TRADEMARK").size();
        assertTrue(before > 0, "the tiktok listings hold no trademark finding to begin with");
        try {
            // nothing reaches a minimum score of 1.0 unless every signal fires: findings disappear
            Files.writeString(cfg, original.replaceAll("(?m)^minScore\\s*=.*$", "minScore = 1.0"));
            Thread.sleep(4000); // fileinstall polls etc/ every second; DS then calls @Modified
            crawls.waitFor(crawls.start("filed"));
            long after = crawls.all("&platform=tiktok&kind=TRADEMARK").size();
            assertTrue(after < before, "minScore = 1.0 did not apply: " + before + " -> " + after);
        } finally {
            Files.writeString(cfg, original);
        }
    }

    @Test
    @Order(8)
    void aPausedCrawlFetchesNothingUntilResumedAndThenCompletes() throws Exception {
        Path accessLog = server.home.resolve("pause-access.log");
        try (DemoMarketplace logged = new DemoMarketplace(server.repo, LISTINGS, SEED, Ports.free(), 1, accessLog)) {
            long expected = 0;
            for (JsonNode l : logged.labels().get("listings")) {
                if (l.get("platform").asText().equals("rao-vat") && l.path("offer").asBoolean(true)) {
                    expected++;
                }
            }
            assertEquals(201, admin.post("/sources", Crawls.demoSource("pausable", "rao-vat", logged.base)
                    .replace("\"politenessDelayMs\":0", "\"politenessDelayMs\":40")).status());
            String crawl = crawls.start("pausable");
            while (admin.ok(admin.get("/crawls/" + crawl)).get("listingsIndexed").asLong() < 5) {
                Thread.sleep(50);
            }
            Api.Response paused = admin.post("/crawls/" + crawl + "/pause", "");
            assertEquals(200, paused.status(), paused.body());
            assertEquals("PAUSED", paused.json().get("state").asText());
            assertEquals(409, admin.post("/crawls/" + crawl + "/pause", "").status(), "pausing a paused crawl");
            assertEquals(404, admin.post("/crawls/no-such-crawl/pause", "").status());
            assertEquals(404, admin.post("/crawls/no-such-crawl/resume", "").status());
            Thread.sleep(1000); // a request already past the pause check still completes
            long atPause = Files.readAllLines(accessLog).size();
            Thread.sleep(3000);
            assertEquals(atPause, Files.readAllLines(accessLog).size(), "the demo was fetched from while paused");
            assertEquals("PAUSED", admin.ok(admin.get("/crawls/" + crawl)).get("state").asText());
            assertTrue(admin.ok(admin.get("/crawls/" + crawl)).get("listingsIndexed").asLong() < expected,
                    "paused too late to tell");
            Api.Response resumed = admin.post("/crawls/" + crawl + "/resume", "");
            assertEquals(200, resumed.status(), resumed.body());
            assertEquals("RUNNING", resumed.json().get("state").asText());
            JsonNode finished = crawls.waitFor(crawl);
            assertEquals(expected, finished.get("listingsIndexed").asLong(), finished.toString());
            assertEquals(expected, crawls.all("&platform=rao-vat").size());
            assertEquals(409, admin.post("/crawls/" + crawl + "/resume", "").status(), "resuming a finished crawl");
            assertTrue(Files.readAllLines(accessLog).size() > atPause, "nothing fetched after resuming");
        }
    }
}
