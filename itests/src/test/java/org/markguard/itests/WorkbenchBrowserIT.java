package org.markguard.itests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The analyst's workbench in a real headless Chromium on the real stack (launcher, Elasticsearch,
 * Karaf, the crawled demo marketplace): login, language, diacritic-free search, reviews through the
 * UI checked over REST, the seller page, hostile listings shown as text with no script run, CSRF,
 * and the admin pages. Screenshots of each page go to itests/target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserIT {
    static final List<String> PLATFORMS = List.of("shopee", "lazada", "tiktok");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    Launcher server;
    DemoMarketplace demo;
    Api admin;
    WorkbenchBrowser b;
    String ui;
    Path shots;
    final List<JsonNode> labels = new ArrayList<>();
    String confirmedId;

    @BeforeAll
    void start() throws Exception {
        server = new Launcher("workbench-browser");
        server.start();
        demo = new DemoMarketplace(server.repo, 150, 7);
        admin = server.admin();
        Crawls crawls = new Crawls(admin);
        for (String platform : PLATFORMS) {
            assertEquals(201, admin.post("/sources", Crawls.demoSource("demo-" + platform, platform, demo.base)).status());
            crawls.waitFor(crawls.start("demo-" + platform));
        }
        demo.labels().get("listings").forEach(l -> {
            if (PLATFORMS.contains(l.get("platform").asText()) && l.path("offer").asBoolean(true)) {
                labels.add(l);
            }
        });
        ui = "http://127.0.0.1:" + server.httpPort;
        shots = server.repo.resolve("itests/target/screenshots");
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        b = new WorkbenchBrowser("/api/v1/listings/");
    }

    @AfterAll
    void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private void assertNothingRan(String when) {
        assertEquals(List.of(), b.dialogs, "dialogs " + when);
        assertEquals(List.of(), b.pageErrors, "page errors " + when);
        assertNull(b.xssFlag(), "window.__xss " + when);
        assertEquals(List.of(), b.mainFrameCspViolations(), "CSP violations of the page " + when);
        assertEquals(List.of(), b.cspConsole, "CSP messages on the console " + when);
    }

    @Test
    @Order(1)
    void staticFilesNeedNoLoginAndCarryTheSecurityHeaders() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(ui + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, root.statusCode());
        assertEquals("/ui/", root.headers().firstValue("Location").orElse(""));
        for (String path : List.of("/ui/", "/ui/js/app.js", "/ui/css/app.css")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ui + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            assertEquals(CSP, r.headers().firstValue("Content-Security-Policy").orElse(""), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
        for (String probe : List.of("/ui/%2e%2e/org/markguard/workbench/WorkbenchServlet.class",
                "/ui/..%2Forg/markguard/workbench/WorkbenchServlet.class", "/ui/META-INF/MANIFEST.MF", "/ui/nope.js")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(ui + probe)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(r.statusCode() >= 400, probe + " answered " + r.statusCode());
            assertFalse(r.body().length >= 4 && (r.body()[0] & 0xff) == 0xCA && (r.body()[1] & 0xff) == 0xFE, probe);
        }
    }

    @Test
    @Order(2)
    void logsInThroughTheForm() throws Exception {
        Response page = b.page.navigate(ui + "/");
        assertTrue(page.url().endsWith("/ui/"), page.url());
        assertEquals(CSP, page.headers().get("content-security-policy"));
        assertThat(b.byTestId("login-name")).isVisible();
        assertEquals("vi", b.page.locator("html").getAttribute("lang"), "Vietnamese is the default");
        b.screenshot(shots.resolve("login.png"));
        b.byTestId("login-name").fill("admin");
        b.byTestId("login-password").fill("wrong-password");
        b.byTestId("login-submit").click();
        assertThat(b.page.locator("[role=alert]")).containsText("Sai tên đăng nhập hoặc mật khẩu");
        b.byTestId("login-password").fill(server.adminPassword);
        b.byTestId("login-submit").click();
        assertThat(b.byTestId("user-name")).hasText("admin");
        assertThat(b.byTestId("results")).isVisible();
        assertNothingRan("at login");
    }

    @Test
    @Order(3)
    void switchesLanguageAndRemembersIt() {
        assertThat(b.byTestId("nav-search")).hasText("Tìm kiếm");
        b.byTestId("lang-en").click();
        assertThat(b.byTestId("nav-search")).hasText("Search");
        assertThat(b.page.locator("html")).hasAttribute("lang", "en");
        assertThat(b.page.locator("h1")).hasText("Search listings");
        b.page.reload();
        assertThat(b.byTestId("nav-search")).hasText("Search");
        assertThat(b.byTestId("user-name")).hasText("admin"); // the session survived the reload
        assertEquals("en", b.page.evaluate("() => localStorage.getItem('markguard.lang')"));
        b.byTestId("lang-vi").click();
        assertThat(b.byTestId("nav-search")).hasText("Tìm kiếm");
        assertThat(b.page.locator("html")).hasAttribute("lang", "vi");
    }

    @Test
    @Order(4)
    void searchWithoutDiacriticsFindsTheTitleWithThem() throws Exception {
        JsonNode label = labels.stream().filter(l -> WorkbenchText.hasDiacritics(l.get("title").asText())
                        && "none".equals(l.path("obfuscation").asText("none")) && !"HOSTILE".equals(l.get("category").asText())
                        && WorkbenchText.foldedWords(l.get("title").asText()).size() >= 3)
                .findFirst().orElseThrow(() -> new AssertionError("no demo title with diacritics"));
        String title = admin.ok(admin.get("/listings/" + label.get("id").asText())).get("title").asText();
        String typed = String.join(" ", WorkbenchText.foldedWords(title));
        assertTrue(typed.chars().allMatch(c -> c < 128), typed);
        long total = admin.ok(admin.get("/listings?q=" + Api.q(typed))).get("total").asLong();
        assertTrue(total > 0, "REST finds '" + typed + "' (from the title '" + title + "')");
        b.byTestId("search-q").fill(typed);
        b.byTestId("search-submit").click();
        assertThat(b.on("search", "result-count")).hasText(total + " kết quả"); // the new search, not the old page
        // among the results shown: titles written with diacritics that hold every word typed without them
        assertThat(b.on("search", "result-title").first()).isVisible();
        List<String> shown = b.on("search", "result-title").allTextContents();
        assertTrue(shown.stream().anyMatch(t -> WorkbenchText.hasDiacritics(t)
                && WorkbenchText.foldedWords(t).containsAll(WorkbenchText.foldedWords(typed))), typed + " -> " + shown);

        // facets filter: every row then shows the platform clicked
        b.byTestId("search-q").fill("");
        b.byTestId("search-flagged").check();
        assertThat(b.byTestId("active-filter")).hasCount(1); // the flagged-only page is the one shown
        Locator facet = b.on("search", "facet-platform").filter(new Locator.FilterOptions().setHasText("lazada"));
        facet.click();
        assertThat(b.byTestId("active-filter")).hasCount(2); // flagged + platform
        long lazadaFlagged = admin.ok(admin.get("/listings?flagged=true&platform=lazada")).get("total").asLong();
        assertTrue(lazadaFlagged > 0);
        assertThat(b.on("search", "result-count")).hasText(lazadaFlagged + " kết quả");
        assertThat(b.page.locator("[data-testid=results] tbody tr td:nth-child(5)").first()).hasText("lazada");
        for (String platform : b.page.locator("[data-testid=results] tbody tr td:nth-child(5)").allTextContents()) {
            assertEquals("lazada", platform);
        }
        // save this search, then run it again from the list
        b.byTestId("save-name").fill("lazada có cờ");
        b.byTestId("save-search").click();
        Locator saved = b.byTestId("saved-run").filter(new Locator.FilterOptions().setHasText("lazada có cờ"));
        assertThat(saved).isVisible();
        b.screenshot(shots.resolve("search.png"));
        b.page.navigate(ui + "/ui/#/search");
        assertThat(b.byTestId("active-filter")).hasCount(0);
        saved.click();
        assertThat(b.byTestId("active-filter")).hasCount(2);
        assertTrue(b.page.url().contains("platform=lazada") && b.page.url().contains("flagged=true"), b.page.url());
        boolean stored = false;
        for (JsonNode s : admin.ok(admin.get("/searches"))) {
            stored |= s.get("name").asText().equals("lazada có cờ") && s.get("params").get("platform").asText().equals("lazada");
        }
        assertTrue(stored, "the saved search is stored for admin");
    }

    @Test
    @Order(5)
    void confirmsAFlagOnTheListingPage() throws Exception {
        b.byTestId("nav-queue").click();
        Locator first = b.on("queue", "result-title").first();
        assertThat(first).isVisible();
        first.click();
        assertThat(b.on("listing", "listing-title")).isVisible();
        confirmedId = b.page.url().replaceAll(".*#/listing/", "");
        JsonNode listing = admin.ok(admin.get("/listings/" + confirmedId));
        assertTrue(listing.get("flagged").asBoolean(), listing.toString());
        assertThat(b.byTestId("finding")).hasCount(listing.get("findings").size());
        assertThat(b.page.locator("[data-testid=listing-title] mark").first()).isVisible();
        String source = listing.get("fieldSources").path("title").asText();
        assertThat(b.page.locator("table.fields")).containsText(source);
        assertEquals("", b.byTestId("capture-frame").getAttribute("sandbox"), "the capture frame has no permission");
        String kind = listing.get("findings").get(0).get("kind").asText();
        b.byTestId("review-decision").selectOption("CONFIRMED");
        b.byTestId("review-kind").selectOption(kind);
        b.byTestId("review-submit").click();
        assertThat(b.byTestId("review-history")).containsText("Xác nhận vi phạm");
        assertThat(b.byTestId("listing-status")).containsText("Đã xác nhận");
        JsonNode reviews = admin.ok(admin.get("/listings/" + confirmedId + "/reviews"));
        JsonNode last = reviews.get(reviews.size() - 1);
        assertEquals("CONFIRMED", last.get("decision").asText(), reviews.toString());
        assertEquals(kind, last.get("kind").asText());
        assertEquals("admin", last.get("reviewer").asText());
        b.screenshot(shots.resolve("listing.png"));
        assertNothingRan("on a listing page");
    }

    @Test
    @Order(6)
    void dismissesAnotherFlagInBulkFromTheQueue() throws Exception {
        b.byTestId("nav-queue").click();
        Locator other = b.page.locator("[data-page=queue] [data-testid=results] tbody tr:not([data-id='" + confirmedId + "'])").first();
        assertThat(other).isVisible();
        String id = other.getAttribute("data-id");
        other.locator("[data-testid=select-row]").check();
        assertThat(b.byTestId("bulk-count")).containsText("1");
        b.byTestId("review-decision").selectOption("DISMISSED");
        b.byTestId("review-reason").selectOption("OFFICIAL_SELLER");
        b.byTestId("review-note").fill("gian hàng chính hãng");
        b.byTestId("review-submit").click();
        assertThat(b.page.locator(".notice-success").last()).containsText("Đã duyệt 1 tin, 0 lỗi");
        JsonNode reviews = admin.ok(admin.get("/listings/" + id + "/reviews"));
        JsonNode last = reviews.get(reviews.size() - 1);
        assertEquals("DISMISSED", last.get("decision").asText(), reviews.toString());
        assertEquals("OFFICIAL_SELLER", last.get("reason").asText());
        assertEquals("gian hàng chính hãng", last.get("note").asText());
        assertNotNull(id);
    }

    @Test
    @Order(7)
    void showsTheSellerOfTheConfirmedListing() throws Exception {
        b.page.navigate(ui + "/ui/#/listing/" + confirmedId);
        b.on("listing", "seller-link").first().click();
        assertThat(b.on("seller", "seller-title")).isVisible();
        String key = b.page.url().replaceAll(".*#/seller/", "");
        JsonNode seller = admin.ok(admin.get("/sellers/" + key));
        assertTrue(seller.get("confirmed").asLong() >= 1, seller.toString());
        assertThat(b.page.locator("[data-testid=stat-confirmed] .stat-value")).hasText(
                Pattern.compile("^" + seller.get("confirmed").asLong() + "$"));
        assertThat(b.page.locator("[data-testid=stat-listings] .stat-value")).hasText(
                Pattern.compile("^" + seller.get("listings").asLong() + "$"));
        assertThat(b.on("seller", "result-title").first()).isVisible();
        b.screenshot(shots.resolve("seller.png"));
    }

    @Test
    @Order(8)
    void hostileTitlesAreShownAsTextAndNothingRuns() throws Exception {
        // the demo escapes its payloads the way a platform does, so the page shows them as text; the
        // extractor keeps the description's ("javascript:alert(document.cookie) \">") and reads the
        // markup-shaped parts of titles as markup (they are dropped): the description is what is checked
        JsonNode hostile = null;
        for (JsonNode l : labels) {
            if ("HOSTILE".equals(l.get("category").asText())) {
                Api.Response r = admin.get("/listings/" + l.get("id").asText());
                if (r.status() == 200 && r.json().path("description").asText().contains("javascript:alert(document.cookie)")) {
                    hostile = r.json();
                    break;
                }
            }
        }
        assertNotNull(hostile, "a hostile demo listing was crawled, its payload kept as text");
        String title = hostile.get("title").asText();
        b.page.navigate(ui + "/ui/#/listing/" + hostile.get("id").asText());
        assertThat(b.on("listing", "listing-title")).hasText(title);
        assertThat(b.page.locator("table.fields")).containsText("javascript:alert(document.cookie)");
        assertThat(b.page.locator("table.fields")).containsText("\">");
        assertEquals(0, b.page.locator("main script, main img, main svg[onload], main [onerror]").count(),
                "no markup of the listing became elements");
        assertEquals(0, b.page.locator("a[href^='javascript:' i]").count());
        for (Object rel : (List<?>) b.page.locator("a.external").evaluateAll("as => as.map(a => a.rel)")) {
            assertEquals("noopener noreferrer", rel);
        }
        b.page.waitForTimeout(1000); // an onerror or a script would have fired by now
        assertNothingRan("on a hostile listing");
    }

    @Test
    @Order(9)
    void aStateChangeWithTheSessionCookieButNoCsrfTokenIsRefused() throws Exception {
        var request = b.context.request();
        String body = "{\"name\":\"no token\",\"params\":{\"q\":\"x\"}}";
        APIResponse refused = request.post(ui + "/api/v1/searches", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(body));
        assertEquals(403, refused.status(), refused.text());
        assertTrue(refused.text().contains("CSRF"), refused.text());
        APIResponse session = request.get(ui + "/api/v1/session");
        assertEquals(200, session.status(), "the same cookie is a valid session: " + session.text());
        String token = Api.JSON.readTree(session.text()).get("csrfToken").asText();
        APIResponse accepted = request.post(ui + "/api/v1/searches", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("X-CSRF-Token", token)
                .setData(body.replace("no token", "with token")));
        assertEquals(201, accepted.status(), accepted.text());
        String names = admin.ok(admin.get("/searches")).toString();
        assertFalse(names.contains("no token"), names);
        assertTrue(names.contains("with token"), names);
    }

    @Test
    @Order(10)
    void adminFollowsACrawlLiveAndSeesDetectorsRegistriesUsersAndAudit() throws Exception {
        WorkbenchAdminChecks.run(this);
    }

    @Test
    @Order(10)
    void reportsShowChartsAndDownloadInEveryFormat() throws Exception {
        b.page.navigate(ui + "/ui/#/reports");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        long detected = admin.ok(admin.get("/reports/daily?date=" + today)).get("totals").get("detected").asLong();
        assertThat(b.page.locator("[data-testid=report-detected] .stat-value")).hasText(Pattern.compile("^[\\d.,]+$"));
        assertEquals(detected, Long.parseLong(b.page.locator("[data-testid=report-detected] .stat-value").textContent()
                .replaceAll("\\D", "")));
        assertTrue(b.page.locator("svg.bar-chart").count() >= 1, "a chart of today's cases");
        for (String format : List.of("csv", "xlsx", "pdf")) {
            String href = b.byTestId("report-" + format).getAttribute("href");
            APIResponse file = b.context.request().get(ui + href);
            assertEquals(200, file.status(), format + " " + href);
        }
        b.screenshot(shots.resolve("reports.png"));
    }

    @Test
    @Order(10)
    void anEvidencePacketIsExportedFromAListingAndDownloads() throws Exception {
        String id = admin.ok(admin.get("/listings?flagged=true&size=1")).get("items").get(0).get("id").asText();
        b.page.navigate(ui + "/ui/#/listing/" + id);
        b.byTestId("export-evidence").click();
        assertThat(b.page.locator("[data-testid=evidence-state]")).hasText(Pattern.compile("Sẵn sàng|Ready"),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        String href = b.byTestId("evidence-download").getAttribute("href");
        APIResponse zip = b.context.request().get(ui + href);
        assertEquals(200, zip.status());
        assertEquals("PK", new String(java.util.Arrays.copyOf(zip.body(), 2), java.nio.charset.StandardCharsets.US_ASCII));
        b.screenshot(shots.resolve("evidence.png"));
        b.page.navigate(ui + "/ui/#/evidence");
        assertThat(b.page.locator("[data-testid=evidence-state]").first()).isVisible();
    }

    @Test
    @Order(11)
    void logoutEndsTheSession() {
        b.byTestId("logout").click();
        assertThat(b.byTestId("login-name")).isVisible();
        assertEquals(401, b.context.request().get(ui + "/api/v1/session").status());
        assertNothingRan("during the whole session");
    }
}
