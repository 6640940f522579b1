package org.markguard.itests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;

/** The admin pages of {@link WorkbenchBrowserIT}: crawl progress, detectors, registries, users, audit. */
final class WorkbenchAdminChecks {
    private WorkbenchAdminChecks() {
    }

    static void run(WorkbenchBrowserIT t) throws Exception {
        WorkbenchBrowser b = t.b;
        // a slow source (a pause between pages), so the crawl is seen running and then finishing
        ObjectNode slow = (ObjectNode) Api.JSON.readTree(Crawls.demoSource("demo-shopee-slow", "shopee", t.demo.base));
        slow.put("politenessDelayMs", 250).put("maxPages", 30);
        assertEquals(201, t.admin.post("/sources", slow.toString()).status());

        b.byTestId("nav-admin").click();
        assertThat(b.byTestId("admin-crawls")).isVisible();
        Locator start = b.page.locator("[data-testid=start-crawl][data-source=demo-shopee-slow]");
        assertThat(start).isVisible();
        b.page.evaluate("() => { window.__notReloaded = true; }");
        start.click();
        Locator running = b.page.locator("[data-testid=crawl-state][data-source=demo-shopee-slow]")
                .filter(new Locator.FilterOptions().setHasText("Đang chạy"));
        assertThat(running).hasCount(1);
        assertThat(b.page.locator("[data-testid=crawl-list] progress").first()).isVisible();
        b.screenshot(t.shots.resolve("admin.png"));
        // nobody touches the page: the 2-second poll brings the end of the crawl
        Locator finished = b.page.locator("[data-testid=crawl-state][data-source=demo-shopee-slow]")
                .filter(new Locator.FilterOptions().setHasText("Xong"));
        assertThat(finished).hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(180_000));
        assertThat(running).hasCount(0);
        assertEquals(Boolean.TRUE, b.page.evaluate("() => window.__notReloaded === true"), "the page was not reloaded");
        JsonNode crawls = t.admin.ok(t.admin.get("/crawls"));
        long slowCrawls = 0;
        for (JsonNode c : crawls) {
            slowCrawls += c.get("sourceId").asText().equals("demo-shopee-slow") ? 1 : 0;
        }
        assertEquals(1, slowCrawls, "the UI started exactly one crawl: " + crawls);

        b.page.locator("a.tab[href='#/admin/detectors']").click();
        assertThat(b.byTestId("detector-list")).containsText("trademark");
        assertThat(b.byTestId("detector-list")).containsText("indication");
        assertThat(b.byTestId("detector-list")).containsText("Hoạt động");

        String before = t.admin.ok(t.admin.get("/registry/brands")).toString();
        b.page.locator("a.tab[href='#/admin/registries']").click();
        b.byTestId("registry-file-brands").setInputFiles(new FilePayload("brands.json", "application/json",
                "{\"brands\":[{\"id\":\"\"},{\"names\":[]}]}".getBytes(StandardCharsets.UTF_8)));
        b.byTestId("registry-upload-brands").click();
        Locator problems = b.page.locator("[data-testid=registry-result-brands] ol.problems li");
        assertThat(problems.first()).isVisible();
        assertTrue(problems.count() >= 2, "one line per problem: " + problems.allTextContents());
        assertEquals(before, t.admin.ok(t.admin.get("/registry/brands")).toString(), "a refused registry changes nothing");

        b.page.locator("a.tab[href='#/admin/users']").click();
        b.byTestId("new-user-name").fill("hoa.le");
        b.byTestId("new-user-password").fill("mat-khau-rat-dai-2026");
        b.byTestId("create-user").click();
        assertThat(b.byTestId("user-list")).containsText("hoa.le");
        assertTrue(t.admin.ok(t.admin.get("/users")).toString().contains("\"hoa.le\""));

        b.page.locator("a.tab[href='#/admin/audit']").click();
        assertThat(b.byTestId("audit-list")).containsText("review.CONFIRMED");
        assertThat(b.byTestId("audit-list")).containsText("review.DISMISSED");
        assertThat(b.byTestId("audit-list")).containsText("user.created");
        b.byTestId("audit-verify").click();
        assertThat(b.byTestId("audit-verdict")).hasText("Chuỗi băm nguyên vẹn.");
    }
}
