package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What the integration tests rely on: a crawl of {@code <home>} confined to {@code <home>} reaches
 * every labelled listing of that platform, and every product page it meets is a labelled listing.
 */
class PlatformCrawlTest {

    @Test
    void eachPlatformCrawlFindsExactlyItsLabelledListings() throws Exception {
        DemoSite site = TestSites.site(42, 1000);
        Map<String, Set<String>> labelled = new HashMap<>();
        Map<String, Set<String>> offers = new HashMap<>();
        for (JsonNode l : TestSites.listings(site)) {
            String path = TestSites.pathOf(l.path("url").asText());
            labelled.computeIfAbsent(l.path("platform").asText(), k -> new HashSet<>()).add(path);
            if (l.path("offer").asBoolean()) {
                offers.computeIfAbsent(l.path("platform").asText(), k -> new HashSet<>()).add(path);
            }
        }
        for (PlatformStyle style : DemoSite.STYLES) {
            Set<String> products = new HashSet<>();
            Map<String, Integer> depth = crawl(site, style.homePath(), 5, products);
            for (String path : labelled.get(style.key())) {
                assertTrue(depth.containsKey(path), style.key() + " does not reach " + path);
                assertTrue(depth.get(path) <= 2, path);
            }
            if (style.key().equals("facebook")) {
                // posts carry no structured data: nothing looks like a product page
                assertTrue(products.isEmpty(), products.toString());
            } else if (style.key().equals("jsrender")) {
                assertTrue(products.isEmpty(), "data only after the script ran: " + products);
            } else {
                assertEquals(offers.get(style.key()), products, style.key());
            }
        }
    }

    /** Breadth-first, only below {@code prefix}, with the session cookie; collects pages with product markup. */
    static Map<String, Integer> crawl(DemoSite site, String prefix, int maxDepth, Set<String> products) {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put(prefix, 0);
        queue.add(prefix);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            int d = depth.get(current);
            DemoSite.Page page = TestSites.fetch(site, current);
            if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
                continue;
            }
            Document doc = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), TestSites.BASE);
            if (looksLikeAProduct(doc)) {
                products.add(current);
            }
            if (d >= maxDepth) {
                continue;
            }
            for (Element a : doc.select("a[href]")) {
                String abs = a.absUrl("href");
                if (!abs.startsWith(TestSites.BASE)) {
                    continue;
                }
                String target = TestSites.pathOf(abs);
                if (target.startsWith(prefix) && !depth.containsKey(target)) {
                    depth.put(target, d + 1);
                    queue.add(target);
                }
            }
        }
        return depth;
    }

    /** The signals the extractor treats as a product offer. */
    static boolean looksLikeAProduct(Document doc) {
        return doc.selectFirst("meta[property=og:type][content=product]") != null
                || doc.selectFirst("meta[property=product:price:amount]") != null
                || doc.select("script[type=application/ld+json]").stream().anyMatch(s -> s.data().contains("\"Product\""))
                || doc.selectFirst("[itemtype~=schema.org/Product]") != null
                || doc.select("script[type=application/json]").stream().anyMatch(s -> s.data().contains("\"product\""));
    }
}
