package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second run of the same seed with a higher generation reprices some listings and removes some. */
class GenerationsTest {

    @Test
    void laterGenerationsRepriceAndRemoveListingsAndTheLabelsSaySo() throws Exception {
        DemoSite first = new DemoSite(42, 1000, RegistryLoader.bundled(), TestSites.BASE, 1);
        DemoSite third = new DemoSite(42, 1000, RegistryLoader.bundled(), TestSites.BASE, 3);
        Map<String, JsonNode> before = byId(first);
        assertEquals(3, TestSites.labels(third).path("generation").asInt());
        int repriced = 0;
        int gone404 = 0;
        int gone410 = 0;
        for (JsonNode l : TestSites.listings(third)) {
            JsonNode old = before.get(l.path("id").asText());
            assertEquals(old.path("url").asText(), l.path("url").asText(), "URLs never change");
            assertFalse(old.has("goneSinceGeneration"));
            JsonNode history = l.path("priceByGeneration");
            assertEquals(old.path("priceByGeneration").get(0), history.get(0));
            String path = TestSites.pathOf(l.path("url").asText());
            int status = TestSites.fetch(third, path).status();
            if (l.has("goneSinceGeneration")) {
                int since = l.path("goneSinceGeneration").asInt();
                assertTrue(since == 2 || since == 3);
                assertEquals(since - 1, history.size(), "prices up to the last generation online");
                assertEquals(l.path("goneStatus").asInt(), status, path);
                assertEquals(200, TestSites.fetch(first, path).status());
                if (status == 404) {
                    gone404++;
                } else {
                    gone410++;
                }
            } else {
                assertEquals(200, status, path);
                assertEquals(3, history.size());
                if (!history.get(2).isNull()) {
                    assertEquals(l.path("price").asLong(), history.get(2).asLong());
                    if (history.get(2).asLong() != history.get(0).asLong()) {
                        repriced++;
                    }
                }
            }
        }
        assertTrue(repriced > 100, "repriced: " + repriced);
        assertTrue(gone404 > 10 && gone410 > 10, gone404 + " / " + gone410);
    }

    @Test
    void removedListingsLeaveTheCategoryPagesAndPagesShowTheNewPrice() throws Exception {
        DemoSite second = new DemoSite(42, 600, RegistryLoader.bundled(), TestSites.BASE, 2);
        int shown = 0;
        for (PlatformStyle style : DemoSite.STYLES) {
            for (ProductCategory c : ProductCategory.values()) {
                for (int i : second.index().listings(style.key(), c)) {
                    assertTrue(second.generator().listing(i).online());
                    shown++;
                }
            }
        }
        long gone = TestSites.listings(second).stream().filter(l -> l.has("goneSinceGeneration")).count();
        assertTrue(gone > 0);
        assertEquals(600, shown + gone);
        for (int i = 0; i < 600; i++) {
            DemoListing l = second.generator().listing(i);
            if (l.online() && l.platform().equals("shopee")) {
                assertTrue(TestSites.html(second, second.listingPath(l)).contains(Money.shopee(l.price())));
            }
        }
    }

    @Test
    void generationNPlusOneContinuesGenerationN() {
        for (int index = 0; index < 300; index++) {
            DemoListing.History two = Generations.evolve(7, index, 500_000, 1000, false, 2);
            DemoListing.History five = Generations.evolve(7, index, 500_000, 1000, false, 5);
            List<Long> prefix = five.priceByGeneration().subList(0, Math.min(2, five.priceByGeneration().size()));
            assertEquals(two.priceByGeneration().subList(0, prefix.size()), prefix);
            if (two.goneSinceGeneration() != 0) {
                assertEquals(two.goneSinceGeneration(), five.goneSinceGeneration());
            }
            DemoListing.History up = Generations.evolve(7, index, 500_000, 1000, true, 5);
            for (int g = 1; g < up.priceByGeneration().size(); g++) {
                assertTrue(up.priceByGeneration().get(g) >= up.priceByGeneration().get(g - 1), "genuine never drops");
            }
        }
    }

    private static Map<String, JsonNode> byId(DemoSite site) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode l : TestSites.listings(site)) {
            out.put(l.path("id").asText(), l);
        }
        return out;
    }
}
