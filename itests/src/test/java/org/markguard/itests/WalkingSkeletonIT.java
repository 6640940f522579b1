package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton on the real stack: the launcher starts Elasticsearch and the Karaf assembly,
 * the demo marketplace is crawled through REST, and listings and findings are checked through REST
 * against the marketplace's own labels. One server for the class (starting it is the slow part).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    static final List<String> PLATFORMS = List.of("shopee", "lazada", "tiktok");

    Launcher server;
    DemoMarketplace demo;
    Api admin;
    Crawls crawls;
    final Map<String, JsonNode> labels = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        server = new Launcher("skeleton");
        long t0 = System.nanoTime();
        server.start();
        System.out.printf("markguard started (ES + Karaf) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        demo = new DemoMarketplace(server.repo, 150, 7);
        admin = server.admin();
        crawls = new Crawls(admin);
        // the platform styles this test crawls; the lab pages and other styles have tests of their own
        demo.labels().get("listings").forEach(l -> {
            if (PLATFORMS.contains(l.get("platform").asText()) && l.path("offer").asBoolean(true)) {
                labels.put(l.get("id").asText(), l);
            }
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.stop();
            for (String pid : List.of("es.pid", "karaf.pid")) {
                assertFalse(Files.exists(server.home.resolve("run").resolve(pid)), pid + " left behind");
            }
        }
    }

    @Test
    @Order(1)
    void everyEndpointNeedsCredentials() {
        Api anonymous = admin.anonymous();
        for (String path : List.of("/health", "/listings", "/sources", "/detectors", "/crawls/x", "/nope")) {
            assertEquals(401, anonymous.get(path).status(), path);
        }
        assertEquals(401, anonymous.put("/registry/brands", "{\"brands\":[]}").status());
        assertEquals(401, admin.as("admin", "wrong-password").get("/health").status());
        assertEquals(401, admin.as("nobody", "x").get("/listings").status());
    }

    @Test
    @Order(2)
    void healthShowsElasticsearchAndTheDetectors() {
        JsonNode health = admin.ok(admin.get("/health"));
        assertEquals("UP", health.get("status").asText(), health.toString());
        assertTrue(Set.of("green", "yellow").contains(health.get("elasticsearch").asText()));
        Set<String> ids = new HashSet<>();
        health.get("detectors").forEach(d -> ids.add(d.get("id").asText()));
        assertTrue(ids.containsAll(Set.of("trademark", "indication")), ids.toString());
    }

    @Test
    @Order(3)
    void badSourcesAreRejectedWithAClearMessageAndNothingIsSaved() {
        Api.Response unknown = admin.post("/sources", "{\"name\":\"x\",\"platform\":\"shopee\",\"seedz\":[]}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.json().get("error").asText().contains("seedz"), unknown.body());
        Api.Response badUrl = admin.post("/sources", "{\"name\":\"x\",\"platform\":\"shopee\",\"seeds\":[\"ftp://h/\"]}");
        assertEquals(400, badUrl.status());
        assertTrue(badUrl.json().get("error").asText().contains("seeds"), badUrl.body());
        assertEquals(400, admin.post("/sources", "{\"name\":").status());
        assertEquals(400, admin.post("/sources",
                "{\"name\":\"x\",\"platform\":\"p\",\"seeds\":[\"http://h/\"],\"maxDepth\":\"deep\"}").status());
        assertEquals(404, admin.post("/sources/nope/crawls", "").status());
        assertEquals(0, admin.ok(admin.get("/sources")).size(), "a rejected source was saved");
    }

    @Test
    @Order(4)
    void crawlingTheDemoMarketplaceIndexesEveryListingOnce() throws Exception {
        for (String platform : PLATFORMS) {
            Api.Response created = admin.post("/sources", Crawls.demoSource("demo-" + platform, platform, demo.base));
            assertEquals(201, created.status(), created.body());
            assertEquals("demo-" + platform, created.json().get("id").asText());
        }
        assertEquals(400, admin.post("/sources", Crawls.demoSource("demo-shopee", "shopee", demo.base)).status(),
                "a second source with the same name");
        String first = crawls.start("demo-shopee");
        assertEquals(409, admin.post("/sources/demo-shopee/crawls", "").status(), "crawling one source twice at once");
        crawls.waitFor(first);
        for (String platform : PLATFORMS.subList(1, PLATFORMS.size())) {
            crawls.waitFor(crawls.start("demo-" + platform));
        }
        Map<String, JsonNode> indexed = crawls.all("");
        Set<String> missing = new HashSet<>(labels.keySet());
        missing.removeAll(indexed.keySet());
        Set<String> extra = new HashSet<>(indexed.keySet());
        extra.removeAll(labels.keySet());
        assertTrue(missing.isEmpty(), missing.size() + " labelled listings not indexed, e.g. "
                + missing.stream().limit(3).map(id -> labels.get(id).get("url").asText()).toList());
        assertTrue(extra.isEmpty(), extra.size() + " indexed listings are not demo listings: "
                + extra.stream().limit(3).map(id -> indexed.get(id).get("url").asText()).toList());
        for (JsonNode item : indexed.values()) {
            JsonNode label = labels.get(item.get("id").asText());
            assertEquals(label.get("platform").asText(), item.get("platform").asText(), item.get("url").asText());
            assertEquals(label.get("seller").get("id").asText(), item.get("seller").get("id").asText(),
                    "seller of " + item.get("url").asText());
            assertTrue(item.get("price").isNumber(), "price of " + item.get("url").asText());
        }
    }

    @Test
    @Order(5)
    void everyListingLinksToARawCaptureThatJwarcValidates() throws Exception {
        Map<String, JsonNode> indexed = crawls.all("");
        for (JsonNode item : indexed.values()) {
            assertTrue(item.path("captureRef").asText().startsWith("warc:"), "no capture for " + item.get("url"));
        }
        Path captures = server.karafBase().resolve("data/markguard/captures");
        List<String> command = new java.util.ArrayList<>(List.of("java", "-jar",
                System.getProperty("markguard.jwarc.jar"), "validate"));
        try (var files = Files.list(captures)) {
            files.filter(f -> f.toString().endsWith(".warc.gz")).forEach(f -> command.add(f.toString()));
        }
        assertTrue(command.size() > 4, "no WARC files in " + captures);
        Process validate = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(validate.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, validate.waitFor(), "jwarc validate failed:\n" + report);
    }

    @Test
    @Order(5)
    void findingsAgreeWithTheLabels() {
        Map<String, JsonNode> indexed = crawls.all("");
        LabelScore score = LabelScore.of(labels, indexed);
        System.out.println("Skeleton detectors on the demo labels: " + score);
        // official stores and genuine regional producers must never be flagged: that is the lawful business
        assertEquals(List.of(), score.flaggedLawful(), "lawful listings flagged");
        assertTrue(score.recall("TRADEMARK") >= 0.9, score.toString());
        assertTrue(score.recall("GEOGRAPHICAL_INDICATION") >= 0.8, score.toString());
        JsonNode flaggedOne = indexed.values().stream().filter(i -> i.get("flagged").asBoolean()).findFirst().orElseThrow();
        JsonNode finding = flaggedOne.get("findings").get(0);
        assertFalse(finding.get("reasons").isEmpty(), "a finding must say why");
        JsonNode span = finding.get("spans").get(0);
        String field = span.get("field").asText();
        String text = flaggedOne.get(field).asText();
        assertEquals(span.get("text").asText(), text.substring(span.get("start").asInt(), span.get("end").asInt()),
                "the span must point at the text it quotes");
        assertTrue(flaggedOne.get("risk").asDouble() > 0);
    }

    @Test
    @Order(6)
    void searchIgnoresDiacriticsAndFiltersWork() {
        JsonNode gi = labels.values().stream()
                .filter(l -> l.get("category").asText().startsWith("GI_") && !l.get("expected").isEmpty())
                .findFirst().orElseThrow();
        JsonNode item = admin.ok(admin.get("/listings/" + gi.get("id").asText()));
        String title = item.get("title").asText();
        String folded = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase();
        JsonNode found = admin.ok(admin.get("/listings?size=100&q=" + Api.q(folded)));
        assertTrue(found.get("total").asLong() >= 1, "no hit for '" + folded + "' (title '" + title + "')");
        assertTrue(found.get("items").findValuesAsText("id").contains(gi.get("id").asText()),
                "'" + folded + "' did not find '" + title + "'");

        for (JsonNode i : crawls.all("&kind=TRADEMARK").values()) {
            assertTrue(i.get("findings").findValuesAsText("kind").contains("TRADEMARK"), i.get("url").asText());
        }
        for (JsonNode i : crawls.all("&flagged=false&platform=lazada").values()) {
            assertEquals(0, i.get("findings").size());
            assertEquals("lazada", i.get("platform").asText());
        }
        String subject = "gucci";
        crawls.all("&subject=" + subject).values().forEach(i ->
                assertTrue(i.get("findings").findValuesAsText("subject").contains(subject)));
        for (String bad : List.of("size=0", "size=501", "size=x", "flagged=maybe", "kind=FAKE", "after=not-a-cursor",
                "colour=red")) {
            Api.Response r = admin.get("/listings?" + bad);
            assertEquals(400, r.status(), bad + " -> " + r.body());
            assertFalse(r.json().get("error").asText().isBlank());
        }
        assertEquals(404, admin.get("/listings/0000").status());
    }

    @Test
    @Order(7)
    void anInvalidRegistryIsRejectedAndTheOldOneStays() {
        int before = admin.ok(admin.get("/registry/brands")).get("brands").size();
        Api.Response bad = admin.put("/registry/brands", "{\"brands\":[{\"id\":\"x\",\"names\":[]}]}");
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("error").asText().contains("brands[0]"), bad.body());
        assertEquals(400, admin.put("/registry/indications", "not json").status());
        assertEquals(before, admin.ok(admin.get("/registry/brands")).get("brands").size());
        assertTrue(before > 0);
    }

    @Test
    @Order(8)
    void rolesAreEnforced() throws Exception {
        int brands = admin.ok(admin.get("/registry/brands")).get("brands").size();
        // Karaf re-reads users.properties when its modification time changes (second resolution)
        Thread.sleep(1100);
        Files.writeString(server.karafBase().resolve("etc/users.properties"),
                "analyst1 = analyst-pw,analyst\nofficer1 = officer-pw,enforcement\n", StandardOpenOption.APPEND);
        Api analyst = admin.as("analyst1", "analyst-pw");
        Api officer = admin.as("officer1", "officer-pw");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (analyst.get("/health").status() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        for (Api user : List.of(analyst, officer)) {
            assertEquals(200, user.get("/listings?size=1").status());
            assertEquals(200, user.get("/health").status());
            assertEquals(403, user.get("/sources").status());
            assertEquals(403, user.post("/sources", Crawls.demoSource("sneaky", "shopee", demo.base)).status());
            assertEquals(403, user.post("/sources/demo-shopee/crawls", "").status());
            assertEquals(403, user.put("/registry/brands", "{\"brands\":[]}").status());
        }
        assertEquals(brands, admin.ok(admin.get("/registry/brands")).get("brands").size(),
                "registry untouched by denied calls");
        assertTrue(admin.ok(admin.get("/sources")).findValuesAsText("id").stream().noneMatch("sneaky"::equals));
    }

    @Test
    @Order(9)
    void aDetectorDroppedIntoDeployRunsWithoutARestart() throws Exception {
        String karafPid = Files.readString(server.home.resolve("run/karaf.pid")).strip();
        Path jar = ExampleDetector.build(server.repo);
        Path deployed = server.karafBase().resolve("deploy").resolve(jar.getFileName());
        long t0 = System.nanoTime();
        Files.copy(jar, deployed);
        JsonNode slang = waitForDetector("slang", "ACTIVE");
        System.out.printf("hot-deployed detector active after %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals("org.example.markguard.slang", slang.get("bundle").asText());

        // a backfill runs the new detector over what was crawled before it arrived
        JsonNode backfill = waitForBackfillWith("slang");
        System.out.printf("backfill with the new detector: %s listings in %s%n", backfill.get("done"),
                java.time.Duration.between(java.time.Instant.parse(backfill.get("startedAt").asText()),
                        java.time.Instant.parse(backfill.get("finishedAt").asText())));
        Thread.sleep(1500);
        Map<String, JsonNode> backfilled = crawls.all("&subject=counterfeit-slang&platform=lazada");
        assertFalse(backfilled.isEmpty(), "the backfill gave lazada listings (not re-crawled) no slang finding");
        assertTrue(admin.ok(admin.get("/detectors")).toString().contains("\"lastBackfill\":\""));

        long before = admin.ok(admin.get("/listings?size=1")).get("total").asLong();
        crawls.waitFor(crawls.start("demo-shopee"));
        Map<String, JsonNode> other = crawls.all("&subject=counterfeit-slang");
        assertFalse(other.isEmpty(), "no listing flagged by the hot-deployed detector");
        other.values().forEach(i -> assertTrue(i.get("findings").findValuesAsText("detectorId").contains("slang")));
        assertEquals(before, admin.ok(admin.get("/listings?size=1")).get("total").asLong(),
                "a re-crawl must update listings in place, not add new ones");

        Files.delete(deployed);
        waitForDetector("slang", "INACTIVE");
        JsonNode kept = admin.ok(admin.get("/listings/" + backfilled.keySet().iterator().next()));
        JsonNode slangFinding = null;
        for (JsonNode f : kept.get("findings")) {
            if (f.get("detectorId").asText().equals("slang")) {
                slangFinding = f;
            }
        }
        assertTrue(slangFinding != null, "findings of a removed detector stay for the audit trail");
        assertFalse(slangFinding.get("detectorActive").asBoolean(), "and are shown as from an inactive detector");
        assertEquals(karafPid, Files.readString(server.home.resolve("run/karaf.pid")).strip(), "Karaf restarted");
        JsonNode health = admin.ok(admin.get("/health"));
        assertFalse(health.get("detectors").findValuesAsText("id").contains("slang"));
    }

    private JsonNode waitForBackfillWith(String detector) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode b : admin.ok(admin.get("/detectors/backfill"))) {
                if (b.get("state").asText().equals("FINISHED")
                        && b.get("detectors").toString().contains("\"" + detector + "\"")) {
                    return b;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no finished backfill with " + detector + ": " + admin.get("/detectors/backfill").body());
    }

    private JsonNode waitForDetector(String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode d : admin.ok(admin.get("/detectors"))) {
                if (d.get("id").asText().equals(id) && d.get("state").asText().equals(state)) {
                    return d;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("detector " + id + " not " + state + " after 30 s: " + admin.get("/detectors").body());
    }
}
