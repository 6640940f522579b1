package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The PDF price lists that producers link from their shop page, crawled on the real stack: every
 * labelled line becomes a listing linked to the shop page it was found from, and the PDF itself is
 * kept as a raw capture (WARC) like any page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PriceListCrawlIT {
    static final int LISTINGS = 300;
    static final long SEED = 17;
    Launcher server;
    DemoMarketplace demo;
    Api admin;
    JsonNode priceLists;
    final Map<String, JsonNode> indexed = new HashMap<>();

    @BeforeAll
    void crawlTheShopeeStyle() throws Exception {
        server = new Launcher("price-lists");
        server.start();
        demo = new DemoMarketplace(server.repo, LISTINGS, SEED);
        priceLists = demo.labels().get("priceLists");
        admin = server.admin();
        Crawls crawls = new Crawls(admin);
        assertEquals(201, admin.post("/sources", Crawls.demoSourceWithPriceLists("shopee", "shopee", demo.base).toString()).status());
        crawls.waitFor(crawls.start("shopee"));
        indexed.putAll(crawls.all("&platform=shopee"));
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

    private List<JsonNode> linesOf(String pdfUrl) {
        List<JsonNode> lines = new ArrayList<>();
        indexed.values().forEach(item -> {
            if (item.get("url").asText().startsWith(pdfUrl + "#")) {
                lines.add(item);
            }
        });
        return lines;
    }

    @Test
    void everyLineOfEveryPriceListIsAListingLinkedToItsShopPage() {
        assertTrue(priceLists.size() >= 2, "price lists in the demo: " + priceLists.size());
        for (JsonNode list : priceLists) {
            String pdf = list.get("url").asText();
            List<JsonNode> lines = linesOf(pdf);
            Map<String, Long> expected = new HashMap<>();
            list.get("lines").forEach(l -> expected.put(l.get("title").asText(), l.get("price").asLong()));
            Map<String, Long> found = new HashMap<>();
            for (JsonNode item : lines) {
                found.put(item.get("title").asText(), item.get("price").asLong());
                // each line is linked to the page the crawler found the PDF on: the shop page
                assertEquals(list.get("shopPage").asText(), item.get("fieldSources").get("shopPage").asText(),
                        item.toString());
                assertEquals("VND", item.get("currency").asText());
            }
            assertEquals(expected, found, pdf);
        }
    }

    @Test
    void thePdfIsCapturedAsWarcLikeAnyPage() throws Exception {
        Set<String> refs = new HashSet<>();
        for (JsonNode list : priceLists) {
            for (JsonNode item : linesOf(list.get("url").asText())) {
                assertTrue(item.path("captureRef").asText().startsWith("warc:"), item.toString());
                refs.add(item.get("captureRef").asText());
            }
        }
        assertEquals(priceLists.size(), refs.size(), "one capture per PDF, shared by its lines");
        Path captures = server.karafBase().resolve("data/markguard/captures");
        StringBuilder all = new StringBuilder();
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("markguard.jwarc.jar"),
                "validate"));
        try (var files = Files.list(captures)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
                command.add(f.toString());
                try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
        }
        String warcs = all.toString();
        for (JsonNode list : priceLists) {
            int record = warcs.indexOf("WARC-Target-URI: " + list.get("url").asText() + "\r\n");
            assertTrue(record >= 0, "no WARC record for " + list.get("url"));
            int next = warcs.indexOf("WARC/1.1\r\n", record + 1);
            String text = warcs.substring(record, next < 0 ? warcs.length() : next);
            assertTrue(text.contains("application/pdf") && text.contains("%PDF-"), text.substring(0, Math.min(600, text.length())));
        }
        Process validate = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, validate.waitFor(), "jwarc validate failed:\n" + report);
    }
}
