package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The crawler on the demo marketplace's hostile lab pages, end to end on the real stack: a 6 MB
 * page, redirect chains and loops, meta refresh, an endless calendar, session ids in paths and
 * queries, an endless path, a robots.txt-disallowed page. The demo logs every request it serves,
 * so what was and was not fetched is proven from the server's side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabCrawlIT {
    static final int MAX_DEPTH = 20;
    Launcher server;
    DemoMarketplace demo;
    Api admin;
    Path accessLog;
    JsonNode status;
    List<JsonNode> failures = new ArrayList<>();
    List<String> requests;

    @BeforeAll
    void crawlTheLab() throws Exception {
        server = new Launcher("lab");
        server.start();
        accessLog = server.home.resolve("demo-access.log");
        demo = new DemoMarketplace(server.repo, 60, 5, Ports.free(), 1, accessLog);
        admin = server.admin();
        Crawls crawls = new Crawls(admin);
        var body = Api.JSON.createObjectNode().put("name", "lab").put("platform", "lab")
                .put("maxDepth", MAX_DEPTH).put("maxPages", 400).put("politenessDelayMs", 0);
        body.putArray("seeds").add(demo.base + "/lab/");
        // the lab, and where its redirects end (a listing page of some platform)
        body.putArray("includePatterns").add("/lab/").add("/p/").add("/product").add("/san-pham/").add("-i\\.");
        assertEquals(201, admin.post("/sources", body.toString()).status());
        String id = crawls.start("lab");
        long deadline = System.nanoTime() + 240_000_000_000L;
        do {
            Thread.sleep(500);
            status = admin.ok(admin.get("/crawls/" + id));
        } while ("RUNNING".equals(status.get("state").asText()) && System.nanoTime() < deadline);
        admin.ok(admin.get("/crawls/" + id + "/failures")).forEach(failures::add);
        requests = Files.readAllLines(accessLog);
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

    private List<String> failed(String urlPart) {
        List<String> out = new ArrayList<>();
        failures.forEach(f -> {
            if (f.get("url").asText().contains(urlPart)) {
                out.add(f.get("reason").asText());
            }
        });
        return out;
    }

    private long requested(String pathPart) {
        return requests.stream().filter(r -> r.split(" ")[1].contains(pathPart)).count();
    }

    @Test
    void theCrawlEndsNormallyWhateverThePagesDo() {
        assertEquals("FINISHED", status.get("state").asText(), status.toString());
        assertTrue(status.get("pagesFetched").asLong() > 10, status.toString());
        assertEquals(failures.size(), Math.min(1000, status.get("errors").asLong()), "every error is listed");
    }

    @Test
    void theSixMegabytePageIsSkippedAndRecorded() {
        List<String> huge = failed("/lab/huge.html");
        assertEquals(1, huge.size(), failures.toString());
        assertTrue(huge.get(0).contains("size cap"), huge.toString());
    }

    @Test
    void robotsTxtIsReadAndTheDisallowedPageNeverRequested() {
        assertTrue(requested("/robots.txt") >= 1, "robots.txt was fetched");
        assertEquals(0, requested("/lab/disallowed/"), "the crawler asked for a page robots.txt forbids");
    }

    @Test
    void trapsAreCutShort() {
        // an endless calendar links the next and the previous month: the depth limit is its guard
        assertTrue(requested("/lab/calendar/") <= 2 * MAX_DEPTH + 2, "endless calendar fetched " + requested("/lab/calendar/") + " times");
        // an endless path is refused by its number of segments, and the refusal is recorded
        assertTrue(requested("/lab/deep/") < 15, "endless path fetched " + requested("/lab/deep/") + " times");
        assertFalse(failed("/lab/deep/").isEmpty(), "the path guard records what it refused: " + failures);
        // session ids are dropped from URLs before they are queued: one page, not one per session
        assertEquals(0, requested("jsessionid="), "a URL with a session id in its path was requested");
        assertTrue(requests.stream().noneMatch(r -> r.contains("sid=")), "a URL with a session id in its query was requested");
    }

    @Test
    void noPageIsFetchedTwice() {
        Map<String, Integer> counts = new HashMap<>();
        requests.forEach(r -> counts.merge(r.split(" ")[0] + " " + r.split(" ")[1], 1, Integer::sum));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1 && !e.getKey().endsWith("/robots.txt"))
                .map(Map.Entry::getKey).toList();
        assertTrue(twice.isEmpty(), "fetched more than once: " + twice);
    }

    @Test
    void redirectChainsAndMetaRefreshAreFollowedToTheirEnd() {
        assertTrue(requested("/lab/redirect/301/0") >= 1, "the 301 chain was followed to its last hop");
        assertTrue(requested("/lab/redirect/meta-refresh.html") == 1);
        assertTrue(requested("/lab/redirect/loop-a") <= 2 && requested("/lab/redirect/loop-b") <= 2, "a redirect loop ends");
    }
}
