package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The workbench API on the real stack (docs/workbench.md): every endpoint × every role, reviews and
 * their effect on search, sellers and their exports, sessions with CSRF, users, the audit trail,
 * saved searches and the inert raw capture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchApiIT {
    static final String ANALYST = "an.nguyen";
    static final String ENFORCEMENT = "binh.tran";
    static final String PASSWORD = "correct-horse-" + Long.toHexString(System.nanoTime());

    Launcher server;
    DemoMarketplace demo;
    Api admin;
    Api analyst;
    Api enforcement;
    List<JsonNode> flagged;

    @BeforeAll
    void start() throws Exception {
        server = new Launcher("workbench-api");
        server.start();
        demo = new DemoMarketplace(server.repo, 150, 11);
        admin = server.admin();
        Crawls crawls = new Crawls(admin);
        for (String platform : List.of("shopee", "lazada")) {
            assertEquals(201, admin.post("/sources", Crawls.demoSource("demo-" + platform, platform, demo.base)).status());
            crawls.waitFor(crawls.start("demo-" + platform));
        }
        assertEquals(201, admin.post("/users", user(ANALYST, "analyst")).status());
        assertEquals(201, admin.post("/users", user(ENFORCEMENT, "enforcement")).status());
        analyst = admin.as(ANALYST, PASSWORD);
        enforcement = admin.as(ENFORCEMENT, PASSWORD);
        flagged = new ArrayList<>();
        admin.ok(admin.get("/listings?flagged=true&sort=risk&size=100")).get("items").forEach(flagged::add);
        assertTrue(flagged.size() >= 6, "the demo has flagged listings: " + flagged.size());
    }

    static String user(String name, String... roles) {
        var body = Api.JSON.createObjectNode().put("name", name).put("password", PASSWORD);
        var list = body.putArray("roles");
        for (String r : roles) {
            list.add(r);
        }
        return body.toString();
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

    /** One endpoint with the roles allowed on it; a body that is fine to send more than once. */
    record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    List<Endpoint> endpoints() {
        Set<String> any = Set.of("admin", "analyst", "enforcement");
        Set<String> adminOnly = Set.of("admin");
        Set<String> reviewers = Set.of("admin", "analyst");
        String id = flagged.get(flagged.size() - 1).get("id").asText();
        String key = Api.q(flagged.get(0).get("sellerKey").asText());
        String brands = admin.ok(admin.get("/registry/brands")).toString();
        String note = "{\"decision\":\"NOTED\",\"note\":\"role matrix\"}";
        return List.of(
                new Endpoint("GET", "/health", null, any),
                new Endpoint("GET", "/detectors", null, any),
                new Endpoint("GET", "/detectors/backfill", null, any),
                new Endpoint("POST", "/detectors/backfill", null, adminOnly),
                new Endpoint("GET", "/registry/brands", null, any),
                new Endpoint("GET", "/registry/indications", null, any),
                new Endpoint("PUT", "/registry/brands", brands, adminOnly),
                new Endpoint("GET", "/sources", null, adminOnly),
                new Endpoint("POST", "/sources", "{}", adminOnly),
                new Endpoint("GET", "/sources/demo-shopee", null, adminOnly),
                new Endpoint("POST", "/sources/no-such-source/crawls", null, adminOnly),
                new Endpoint("GET", "/crawls", null, adminOnly),
                new Endpoint("GET", "/crawls/x", null, adminOnly),
                new Endpoint("GET", "/crawls/x/failures", null, adminOnly),
                new Endpoint("POST", "/crawls/x/stop", null, adminOnly),
                new Endpoint("GET", "/listings?facets=true", null, any),
                new Endpoint("GET", "/listings/" + id, null, any),
                new Endpoint("GET", "/listings/" + id + "/capture", null, any),
                new Endpoint("GET", "/listings/" + id + "/reviews", null, any),
                new Endpoint("POST", "/listings/" + id + "/review", note, reviewers),
                new Endpoint("POST", "/reviews", "{\"decision\":\"NOTED\",\"note\":\"bulk matrix\",\"listingIds\":[\"" + id + "\"]}", reviewers),
                new Endpoint("GET", "/sellers/suspicious", null, any),
                new Endpoint("GET", "/sellers/" + key, null, any),
                new Endpoint("GET", "/searches", null, any),
                new Endpoint("POST", "/searches", "{\"name\":\"matrix\",\"params\":{\"q\":\"x\"}}", any),
                new Endpoint("DELETE", "/searches/none", null, any),
                new Endpoint("GET", "/users", null, adminOnly),
                new Endpoint("POST", "/users", "{}", adminOnly),
                new Endpoint("GET", "/users/" + ANALYST, null, adminOnly),
                new Endpoint("DELETE", "/users/nobody", null, adminOnly),
                new Endpoint("GET", "/audit", null, adminOnly),
                new Endpoint("GET", "/audit/verify", null, adminOnly),
                new Endpoint("GET", "/session", null, any),
                new Endpoint("GET", "/product-groups", null, any),
                new Endpoint("GET", "/reports/daily?date=2026-12-01", null, any),
                new Endpoint("GET", "/reports/period?from=2026-11-01&to=2026-11-30", null, any),
                new Endpoint("GET", "/reports/hotspots?from=2026-01-01&to=2026-12-31", null, any),
                new Endpoint("GET", "/takedowns/nowhere", null, any));
    }

    @Test
    @Order(1)
    void everyEndpointTimesEveryRole() {
        Map<String, Api> callers = Map.of("admin", admin, "analyst", analyst, "enforcement", enforcement);
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            assertEquals(401, admin.anonymous().send(e.method(), e.path(), e.body()).status(), "anonymous " + e);
            for (var caller : callers.entrySet()) {
                Api.Response r = caller.getValue().send(e.method(), e.path(), e.body());
                boolean allowed = e.allowed().contains(caller.getKey());
                if (allowed ? (r.status() == 403 || r.status() == 401 || r.status() >= 500) : r.status() != 403) {
                    wrong.add(caller.getKey() + " " + e.method() + " " + e.path() + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    @Order(2)
    void reviewsAreRecordedCheckedAndChangeWhatSearchFinds() {
        String confirmed = flagged.get(0).get("id").asText();
        String dismissed = flagged.get(1).get("id").asText();
        Api.Response c = analyst.post("/listings/" + confirmed + "/review", "{\"decision\":\"CONFIRMED\",\"kind\":\"TRADEMARK\",\"note\":\"logo copied\"}");
        assertEquals(201, c.status(), c.body());
        assertEquals(ANALYST, c.json().get("reviewer").asText());
        Api.Response d = analyst.post("/listings/" + dismissed + "/review", "{\"decision\":\"DISMISSED\",\"reason\":\"OFFICIAL_SELLER\"}");
        assertEquals(201, d.status(), d.body());
        assertEquals(403, enforcement.post("/listings/" + confirmed + "/review", "{\"decision\":\"ESCALATED\"}").status());
        for (String bad : List.of("{\"decision\":\"CONFIRMED\"}", "{\"decision\":\"DISMISSED\",\"reason\":\"OTHER\"}",
                "{\"decision\":\"ASSIGNED\",\"assignee\":\"nobody\"}", "{\"decision\":\"MAYBE\"}", "{\"decision\":\"NOTED\"}",
                "{\"decision\":\"ESCALATED\",\"extra\":1}")) {
            Api.Response r = analyst.post("/listings/" + confirmed + "/review", bad);
            assertEquals(400, r.status(), bad + " -> " + r.body());
        }
        assertEquals(404, analyst.post("/listings/nope/review", "{\"decision\":\"ESCALATED\"}").status());

        JsonNode listing = admin.ok(admin.get("/listings/" + confirmed));
        assertEquals("CONFIRMED", listing.get("review").get("status").asText(), listing.toString());
        assertEquals("TRADEMARK", listing.get("review").get("kind").asText());
        JsonNode history = admin.ok(enforcement.get("/listings/" + confirmed + "/reviews"));
        assertEquals("CONFIRMED", history.get(history.size() - 1).get("decision").asText());
        assertTrue(ids(admin.get("/listings?status=CONFIRMED&size=500")).contains(confirmed));
        assertTrue(ids(admin.get("/listings?status=DISMISSED&size=500")).contains(dismissed));
        Set<String> open = ids(admin.get("/listings?status=OPEN&size=500"));
        assertFalse(open.contains(confirmed) || open.contains(dismissed), "decided listings leave the queue");

        String a = flagged.get(2).get("id").asText();
        String b = flagged.get(3).get("id").asText();
        JsonNode bulk = admin.ok(analyst.post("/reviews", "{\"decision\":\"ASSIGNED\",\"assignee\":\"" + ANALYST
                + "\",\"listingIds\":[\"" + a + "\",\"" + b + "\",\"no-such-id\"]}"));
        assertEquals(2, bulk.get("reviewed").asInt(), bulk.toString());
        assertEquals("no-such-id", bulk.get("failed").get(0).get("listingId").asText());
        assertEquals(Set.of(a, b), ids(admin.get("/listings?assignee=" + ANALYST + "&size=500")));
    }

    static Set<String> ids(Api.Response r) {
        assertEquals(200, r.status(), r.body());
        Set<String> out = new java.util.HashSet<>();
        r.json().get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @Test
    @Order(3)
    void facetsCountAllMatchesAndRiskSortHoldsAcrossPages() {
        Api.Response search = admin.get("/listings?flagged=true&facets=true&size=5");
        // Server-Timing: the wait on the store within the server's whole time, both in milliseconds
        java.util.regex.Matcher timing = java.util.regex.Pattern
                .compile("store;dur=(\\d+\\.\\d{2}), app;dur=(\\d+\\.\\d{2})").matcher(search.header("Server-Timing"));
        assertTrue(timing.matches(), search.header("Server-Timing"));
        assertTrue(Double.parseDouble(timing.group(1)) > 0
                && Double.parseDouble(timing.group(1)) <= Double.parseDouble(timing.group(2)), timing.group());
        JsonNode page = admin.ok(search);
        long total = page.get("total").asLong();
        long platforms = 0;
        for (JsonNode f : page.get("facets").get("platform")) {
            platforms += f.get("count").asLong();
        }
        assertEquals(total, platforms, "each listing has one platform");
        long statuses = 0;
        for (JsonNode f : page.get("facets").get("status")) {
            statuses += f.get("count").asLong();
        }
        assertEquals(total, statuses, "each flagged listing has one review status");
        double last = 2;
        String after = "";
        int seen = 0;
        do {
            JsonNode p = admin.ok(admin.get("/listings?sort=risk&size=13" + after));
            for (JsonNode item : p.get("items")) {
                assertTrue(item.get("risk").asDouble() <= last, "risk order");
                last = item.get("risk").asDouble();
                seen++;
            }
            after = p.get("next").isNull() ? null : "&after=" + Api.q(p.get("next").asText());
        } while (after != null);
        assertEquals(admin.ok(admin.get("/listings?size=1")).get("total").asLong(), seen);
        assertEquals(400, admin.get("/listings?sort=price").status());
        assertEquals(400, admin.get("/listings?risk=EXTREME").status());
        assertEquals(400, admin.get("/listings?from=2026-13-01").status());
        assertEquals(400, admin.get("/listings?seller=no-colon").status());
    }

    @Test
    @Order(4)
    void sellerPageAndSuspiciousAccountsInThreeFormats() throws Exception {
        String key = flagged.get(0).get("sellerKey").asText();
        JsonNode seller = admin.ok(analyst.get("/sellers/" + Api.q(key)));
        assertTrue(seller.get("confirmed").asLong() >= 1, seller.toString());
        assertTrue(seller.get("top").size() >= 1);
        long listings = ids(admin.get("/listings?size=500&seller=" + Api.q(key))).size();
        assertEquals(listings, seller.get("listings").asLong());
        assertEquals(404, admin.get("/sellers/" + Api.q("shopee:nobody-at-all")).status());

        JsonNode groups = admin.ok(enforcement.get("/sellers/suspicious")).get("groups");
        List<String> keys = new ArrayList<>();
        groups.forEach(g -> g.get("sellers").forEach(s -> keys.add(s.get("key").asText())));
        assertTrue(keys.contains(key), keys.toString());
        HttpResponse<byte[]> csv = enforcement.download("/sellers/suspicious?format=csv");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"" + key + "\""), text);
        assertEquals(keys.size() + 1, text.strip().split("\r\n").length, "header + one row per account");
        HttpResponse<byte[]> xlsx = enforcement.download("/sellers/suspicious?format=xlsx");
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertEquals(keys.size(), sheet.getLastRowNum());
            List<String> xlsxKeys = new ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                xlsxKeys.add(sheet.getRow(i).getCell(1).getStringCellValue());
            }
            assertEquals(keys, xlsxKeys);
        }
        assertEquals(400, admin.get("/sellers/suspicious?format=pdf").status());
    }

    @Test
    @Order(5)
    void sessionsNeedTheCsrfTokenAndBasicIsRefusedCrossSite() {
        Api anonymous = admin.anonymous();
        assertEquals(401, anonymous.post("/session", "{\"name\":\"" + ANALYST + "\",\"password\":\"wrong\"}").status());
        Api.Response login = anonymous.post("/session", "{\"name\":\"" + ANALYST + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(200, login.status(), login.body());
        String setCookie = login.header("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.split(";", 2)[0];
        String csrf = login.json().get("csrfToken").asText();
        assertEquals(ANALYST, anonymous.send("GET", "/session", null, "Cookie", cookie).json().get("user").asText());
        String id = flagged.get(4).get("id").asText();
        String body = "{\"decision\":\"ESCALATED\"}";
        assertEquals(403, anonymous.send("POST", "/listings/" + id + "/review", body, "Cookie", cookie).status(), "no CSRF token");
        assertEquals(403, anonymous.send("POST", "/listings/" + id + "/review", body, "Cookie", cookie,
                "X-CSRF-Token", csrf + "x").status(), "wrong CSRF token");
        assertEquals(201, anonymous.send("POST", "/listings/" + id + "/review", body, "Cookie", cookie,
                "X-CSRF-Token", csrf).status());
        assertEquals(403, analyst.send("POST", "/listings/" + id + "/review", body, "Origin", "http://evil.example").status());
        assertEquals(403, analyst.send("POST", "/listings/" + id + "/review", body, "Sec-Fetch-Site", "cross-site").status());
        assertEquals(204, anonymous.send("DELETE", "/session", null, "Cookie", cookie, "X-CSRF-Token", csrf).status());
        assertEquals(401, anonymous.send("GET", "/session", null, "Cookie", cookie).status(), "logged out");
        Api.Response fromScript = anonymous.send("GET", "/listings", null, "Sec-Fetch-Mode", "cors");
        assertEquals(401, fromScript.status());
        assertEquals(null, fromScript.header("WWW-Authenticate"), "no Basic dialog for the UI's own requests");
    }

    @Test
    @Order(6)
    void usersAreManagedByAdminsWithRulesThatHold() {
        assertEquals(409, admin.post("/users", user(ANALYST, "analyst")).status());
        assertEquals(400, admin.post("/users", "{\"name\":\"short\",\"password\":\"short\",\"roles\":[\"analyst\"]}").status());
        assertEquals(400, admin.post("/users", user("Bad Name", "analyst")).status());
        assertEquals(400, admin.post("/users", user("x.y", "superuser")).status());
        assertEquals(409, admin.delete("/users/admin").status(), "an admin cannot delete themself");
        JsonNode users = admin.ok(admin.get("/users"));
        List<String> names = new ArrayList<>();
        users.forEach(u -> names.add(u.get("name").asText()));
        assertTrue(names.containsAll(List.of("admin", ANALYST, ENFORCEMENT)), names.toString());
        assertEquals("[\"analyst\"]", admin.ok(admin.get("/users/" + ANALYST)).get("roles").toString());
        assertEquals(201, admin.post("/users", user("temp.user", "enforcement")).status());
        assertEquals(200, admin.as("temp.user", PASSWORD).get("/health").status());
        assertEquals(204, admin.delete("/users/temp.user").status());
        assertEquals(401, admin.as("temp.user", PASSWORD).get("/health").status(), "a deleted user cannot log in");
        String stored = readUsersFile();
        assertFalse(stored.contains(PASSWORD), "passwords are stored hashed");
    }

    String readUsersFile() {
        try {
            return java.nio.file.Files.readString(server.karafBase().resolve("etc/users.properties"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(7)
    void theAuditTrailHasWhoDidWhatAndItsChainHolds() {
        JsonNode reviews = admin.ok(admin.get("/audit?action=review&user=" + ANALYST + "&size=1000")).get("items");
        List<String> actions = new ArrayList<>();
        reviews.forEach(e -> actions.add(e.get("action").asText()));
        assertTrue(actions.containsAll(List.of("review.CONFIRMED", "review.DISMISSED", "review.ASSIGNED")), actions.toString());
        JsonNode all = admin.ok(admin.get("/audit?size=1000")).get("items");
        List<String> everything = new ArrayList<>();
        all.forEach(e -> everything.add(e.get("user").asText() + " " + e.get("action").asText()));
        for (String expected : List.of("admin user.created", "admin user.deleted", ENFORCEMENT + " access.denied",
                ANALYST + " login.failed", ANALYST + " login", ANALYST + " logout", "admin POST /sources")) {
            assertTrue(everything.contains(expected), expected + " missing from " + everything);
        }
        JsonNode verify = admin.ok(admin.get("/audit/verify"));
        assertTrue(verify.get("intact").asBoolean(), verify.toString());
        JsonNode page = admin.ok(admin.get("/audit?size=2"));
        assertNotEquals(null, page.get("next").textValue());
        JsonNode next = admin.ok(admin.get("/audit?size=2&after=" + page.get("next").asText()));
        assertTrue(next.get("items").get(0).get("seq").asLong() > page.get("items").get(1).get("seq").asLong());
    }

    @Test
    @Order(8)
    void savedSearchesBelongToTheirUser() {
        Api.Response saved = analyst.post("/searches", "{\"name\":\"nước mắm\",\"params\":{\"q\":\"nuoc mam\",\"status\":\"OPEN\"}}");
        assertEquals(201, saved.status(), saved.body());
        String id = saved.json().get("id").asText();
        assertTrue(analyst.ok(analyst.get("/searches")).toString().contains(id));
        assertFalse(enforcement.ok(enforcement.get("/searches")).toString().contains(id));
        assertEquals(404, enforcement.delete("/searches/" + id).status());
        assertEquals(400, analyst.post("/searches", "{\"name\":\"x\",\"params\":{\"status\":\"SOMETIMES\"}}").status());
        assertEquals(400, analyst.post("/searches", "{\"name\":\"x\",\"params\":{\"colour\":\"red\"}}").status());
        assertEquals(204, analyst.delete("/searches/" + id).status());
    }

    @Test
    @Order(9)
    void theRawCaptureIsServedInert() {
        String id = flagged.get(0).get("id").asText();
        Api.Response capture = analyst.get("/listings/" + id + "/capture");
        assertEquals(200, capture.status());
        String csp = capture.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.startsWith("sandbox;") && csp.contains("default-src 'none'"), csp);
        assertTrue(capture.header("Content-Type").startsWith("text/html"));
        assertEquals("nosniff", capture.header("X-Content-Type-Options"));
        JsonNode headers = analyst.ok(analyst.get("/listings/" + id + "/capture?part=headers"));
        assertEquals(flagged.get(0).get("url").asText(), headers.get("url").asText());
        assertEquals(200, headers.get("status").asInt());
    }

    @Test
    @Order(10)
    void reportsCountWhatTheIndexHoldsInEveryFormat() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode daily = admin.ok(enforcement.get("/reports/daily?date=" + today));
        long flagged = admin.ok(admin.get("/listings?flagged=true&size=1")).get("total").asLong();
        assertEquals(flagged, daily.get("totals").get("detected").asLong(), "every flagged listing was first seen today");
        long confirmed = admin.ok(admin.get("/listings?status=CONFIRMED&size=1")).get("total").asLong();
        assertEquals(confirmed, daily.get("totals").get("confirmed").asLong());
        long byPlatform = 0;
        for (JsonNode c : daily.get("byDimension").get("platform")) {
            byPlatform += c.get("count").asLong();
        }
        assertEquals(flagged, byPlatform);
        JsonNode period = admin.ok(analyst.get("/reports/period?from=" + today + "&to=" + today));
        assertEquals(flagged, period.get("measures").get(0).get("value").asLong());
        assertEquals(0, period.get("measures").get(0).get("baseline").asLong(), "nothing a year ago");
        for (String format : List.of("csv", "xlsx", "pdf")) {
            HttpResponse<byte[]> f = analyst.download("/reports/daily?date=" + today + "&format=" + format + "&lang=en");
            assertEquals(200, f.statusCode(), format);
            assertTrue(f.headers().firstValue("Content-Disposition").orElse("").contains("daily-report-" + today), format);
            assertTrue(f.body().length > 100, format);
        }
        HttpResponse<byte[]> xlsx = analyst.download("/reports/daily?date=" + today + "&format=xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(String.valueOf(flagged), book.getSheetAt(0).getRow(1).getCell(2).getStringCellValue());
        }
        byte[] pdf = analyst.download("/reports/hotspots?from=2026-01-01&to=" + today + "&format=pdf").body();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(400, admin.get("/reports/daily").status());
        assertEquals(400, admin.get("/reports/daily?date=yesterday").status());
        assertEquals(400, admin.get("/reports/period?from=2026-02-01&to=2026-01-01").status());
        assertEquals(400, admin.get("/reports/daily?date=" + today + "&format=doc").status());
        JsonNode exports = admin.ok(admin.get("/audit?action=export&user=" + ANALYST + "&size=100")).get("items");
        assertTrue(exports.size() >= 4, exports.toString());
    }

    @Test
    @Order(11)
    void takedownNoticesComeFromConfirmedListingsAndTheSubmissionIsRecorded() throws Exception {
        JsonNode listing = admin.ok(admin.get("/listings/" + flagged.get(0).get("id").asText()));
        assertEquals("CONFIRMED", listing.get("review").get("status").asText());
        String platform = listing.get("platform").asText();
        HttpResponse<byte[]> zip = enforcement.download("/takedowns/" + platform + "?contact=" + Api.q("Sở KH&CN An Giang"));
        assertEquals(200, zip.statusCode(), new String(zip.body(), StandardCharsets.UTF_8));
        Map<String, String> files = new java.util.TreeMap<>();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String notice = files.get(platform + "-001-notice.txt");
        assertNotNull(notice, files.keySet().toString());
        assertTrue(notice.contains(listing.get("url").asText()) && notice.contains("Sở KH&CN An Giang"), notice);
        assertTrue(files.get(platform + "-001-listings.csv").contains(listing.get("id").asText()));
        assertTrue(files.containsKey(platform + "-001-listings.xlsx"));
        assertEquals(404, admin.get("/takedowns/no-such-platform").status());
        JsonNode submitted = admin.ok(analyst.post("/reviews", "{\"decision\":\"TAKEDOWN_SUBMITTED\",\"note\":\"Shopee case 12345\","
                + "\"listingIds\":[\"" + listing.get("id").asText() + "\"]}"));
        assertEquals(1, submitted.get("reviewed").asInt());
        assertEquals(400, analyst.post("/listings/" + listing.get("id").asText() + "/review", "{\"decision\":\"TAKEDOWN_ANSWERED\"}").status());
        assertEquals(201, analyst.post("/listings/" + listing.get("id").asText() + "/review",
                "{\"decision\":\"TAKEDOWN_ANSWERED\",\"note\":\"removed by the platform\"}").status());
        JsonNode after = admin.ok(admin.get("/listings/" + listing.get("id").asText()));
        assertEquals("CONFIRMED", after.get("review").get("status").asText(), "a takedown does not change the decision");
        JsonNode history = admin.ok(admin.get("/listings/" + listing.get("id").asText() + "/reviews"));
        assertEquals("TAKEDOWN_ANSWERED", history.get(history.size() - 1).get("decision").asText());
        assertEquals("TAKEDOWN_SUBMITTED", history.get(history.size() - 2).get("decision").asText());
    }
}
