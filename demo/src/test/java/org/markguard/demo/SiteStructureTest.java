package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

class SiteStructureTest {

    @Test
    void everyListingIsWithinThreeLinksOfTheRootWithoutEnteringPrivate() throws Exception {
        DemoSite site = TestSites.site(42, 200);
        Map<String, Integer> depth = crawl(site, 3);
        for (JsonNode listing : TestSites.listings(site)) {
            String path = TestSites.pathOf(listing.path("url").asText());
            if (path.startsWith("/lab/")) {
                continue; // the lab platforms are one link further, below /lab/
            }
            Integer d = depth.get(path);
            assertNotNull(d, "unreachable within depth 3: " + path);
            assertTrue(d <= 3);
        }
        assertFalse(depth.keySet().stream().anyMatch(p -> p.startsWith("/private/")));
        assertFalse(depth.keySet().stream().anyMatch(p -> p.startsWith("/lab/disallowed/")));
    }

    @Test
    void robotsDisallowsPrivateAndThePrivatePageIsLinkedFromTheRoot() {
        DemoSite site = TestSites.site(42, 50);
        assertEquals("User-agent: *\nDisallow: /private/\nDisallow: /lab/disallowed/\n", TestSites.html(site, "/robots.txt"));
        Document root = Jsoup.parse(TestSites.html(site, "/"), TestSites.BASE);
        assertFalse(root.select("a[href^=/private/]").isEmpty());
        for (Element a : root.select("a[href^=/private/]")) {
            assertEquals(200, site.get(a.attr("href"), null).status());
        }
        assertEquals(5, root.select("a[href~=^/(shopee|lazada|tiktok|facebook|rao-vat)/$]").size());
        assertEquals(1, root.select("a[href=/lab/]").size());
    }

    @Test
    void categoryPagesArePaginatedWithNextLinks() {
        DemoSite site = TestSites.site(42, 2000);
        Document first = Jsoup.parse(TestSites.html(site, "/shopee/cat/dac-san"), TestSites.BASE);
        assertEquals(NavigationPages.PAGE_SIZE, first.select("li.item a").size());
        Element next = first.selectFirst("a[rel=next]");
        assertNotNull(next);
        assertEquals("/shopee/cat/dac-san?page=2", next.attr("href"));
        Document second = Jsoup.parse(TestSites.html(site, next.attr("href")), TestSites.BASE);
        assertNotNull(second.selectFirst("a[rel=prev]"));
        assertEquals(404, site.get("/shopee/cat/dac-san", "page=999").status());
        assertEquals(404, site.get("/shopee/cat/dac-san", "page=abc").status());
    }

    @Test
    void wrongOrForeignListingUrlsAreNotFound() throws Exception {
        DemoSite site = TestSites.site(42, 100);
        DemoListing l = site.generator().listing(0);
        String path = site.listingPath(l);
        assertEquals(200, site.get(path, null).status());
        assertEquals(404, site.get(path + "x", null).status());
        for (PlatformStyle other : DemoSite.STYLES) {
            if (!other.key().equals(l.platform())) {
                assertEquals(404, TestSites.fetch(site, other.listingPath(l)).status());
            }
        }
        assertEquals(404, site.get("/tiktok/product/" + ListingGenerator.itemIdOf(100), null).status());
        assertEquals(404, site.get("/nowhere", null).status());
        assertEquals(301, site.get("/shopee", null).status());
    }

    @Test
    void shopLinksOfShopeeListingsLeadToShopPages() {
        DemoSite site = TestSites.site(42, 100);
        int checked = 0;
        for (int i = 0; i < 100; i++) {
            DemoListing l = site.generator().listing(i);
            if (l.platform().equals("shopee")) {
                Document doc = Jsoup.parse(TestSites.html(site, site.listingPath(l)), TestSites.BASE);
                Element shop = doc.selectFirst("div.shop-info a.shop-name");
                assertEquals("/shopee/shop/" + l.seller().id(), shop.attr("href"));
                assertEquals(l.seller().name(), shop.text());
                assertEquals(l.seller().location(), doc.selectFirst("div.shop-info span.shop-location").text());
                assertTrue(TestSites.html(site, shop.attr("href")).contains(Html.escape(l.seller().name())));
                checked++;
            }
        }
        assertTrue(checked > 10);
    }

    /** Breadth-first walk of the site's HTML links from {@code /}, obeying robots.txt, up to a depth. */
    private static Map<String, Integer> crawl(DemoSite site, int maxDepth) {
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put("/", 0);
        queue.add("/");
        Set<String> fetched = new HashSet<>();
        while (!queue.isEmpty()) {
            String current = queue.poll();
            int d = depth.get(current);
            if (d >= maxDepth || !fetched.add(current)) {
                continue;
            }
            DemoSite.Page page = fetch(site, current);
            if (page.status() != 200 || !page.contentType().startsWith("text/html")) {
                continue;
            }
            Document doc = Jsoup.parse(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8), TestSites.BASE);
            for (Element a : doc.select("a[href]")) {
                String abs = a.absUrl("href");
                if (!abs.startsWith(TestSites.BASE)) {
                    continue;
                }
                String target = TestSites.pathOf(abs);
                if (target.startsWith("/private/") || target.startsWith("/lab/disallowed/") || depth.containsKey(target)) {
                    continue;
                }
                depth.put(target, d + 1);
                queue.add(target);
            }
        }
        return depth;
    }

    private static DemoSite.Page fetch(DemoSite site, String pathAndQuery) {
        return TestSites.fetch(site, pathAndQuery);
    }
}
