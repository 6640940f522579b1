package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creating demo sources, running crawls and reading every result back, through REST only. */
final class Crawls {
    private final Api api;

    Crawls(Api api) {
        this.api = api;
    }

    /**
     * A source for one platform style of the demo marketplace, confined to its URL scheme. The PDF
     * price lists of shop pages are left out: their lines are labelled apart from the listings
     * ({@code priceLists}), and tests that compare the index with the listing labels expect none.
     */
    static String demoSource(String name, String platform, String demoBase) {
        ObjectNode body = (ObjectNode) demoSourceWithPriceLists(name, platform, demoBase);
        body.putArray("excludePatterns").add("\\.pdf$");
        return body.toString();
    }

    /** As {@link #demoSource}, with the price lists (tests of the PDF path). */
    static com.fasterxml.jackson.databind.JsonNode demoSourceWithPriceLists(String name, String platform,
                                                                            String demoBase) {
        ObjectNode body = Api.JSON.createObjectNode().put("name", name).put("platform", platform)
                .put("maxDepth", 5).put("maxPages", 5000).put("politenessDelayMs", 0);
        body.putArray("seeds").add(demoBase + "/" + platform + "/");
        body.putArray("includePatterns").add("/" + platform + "/");
        return body;
    }

    String start(String source) {
        Api.Response started = api.post("/sources/" + source + "/crawls", "");
        assertEquals(202, started.status(), started.body());
        return started.json().get("id").asText();
    }

    JsonNode waitFor(String crawlId) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = api.ok(api.get("/crawls/" + crawlId));
            if (!"RUNNING".equals(status.get("state").asText())) {
                assertEquals("FINISHED", status.get("state").asText(), status.toString());
                assertTrue(status.get("listingsIndexed").asLong() > 0, status.toString());
                Thread.sleep(1500); // the index refreshes once a second
                return status;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("crawl " + crawlId + " still running after 180 s");
    }

    /** Pages through every result with the cursor (size 37, so pages do not align with anything). */
    Map<String, JsonNode> all(String filter) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        String after = null;
        long total;
        do {
            String cursor = after == null ? "" : "&after=" + Api.q(after);
            JsonNode page = api.ok(api.get("/listings?size=37" + filter + cursor));
            total = page.get("total").asLong();
            for (JsonNode item : page.get("items")) {
                JsonNode before = items.put(item.get("id").asText(), item);
                assertEquals(null, before, "listing returned twice: " + item.get("id"));
            }
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertEquals(total, items.size(), "cursor paging must return every result exactly once");
        return items;
    }
}
