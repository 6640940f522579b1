package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameSeedGivesSameLabelsAndSamePageBytes() throws Exception {
        DemoSite a = TestSites.site(42, 300);
        DemoSite b = TestSites.site(42, 300);
        assertArrayEquals(a.labels(), b.labels());
        List<String> paths = new java.util.ArrayList<>(List.of("/", "/robots.txt", "/shopee/", "/lazada/", "/tiktok/",
                "/shopee/cat/tui-vi", "/tiktok/cat/dac-san?page=2", "/facebook/", "/rao-vat/", "/lab/", "/lab/js/",
                "/facebook/groups/cho-dac-san/", LabPages.WINDOWS_1258_META, CrawlerTraps.CALENDAR));
        for (JsonNode listing : TestSites.listings(a)) {
            paths.add(TestSites.pathOf(listing.path("url").asText()));
        }
        for (String path : paths) {
            DemoSite.Page pa = TestSites.fetch(a, path);
            DemoSite.Page pb = TestSites.fetch(b, path);
            assertEquals(200, pa.status(), path);
            assertArrayEquals(pa.body(), pb.body(), path);
        }
    }

    @Test
    void listingsDoNotDependOnWhenTheyAreGenerated() {
        DemoSite site = TestSites.site(7, 500);
        DemoListing late = site.generator().listing(499);
        for (int i = 0; i < 499; i++) {
            site.generator().listing(i);
        }
        assertEquals(late, site.generator().listing(499));
    }

    @Test
    void anotherSeedGivesAnotherSite() {
        assertFalse(Arrays.equals(TestSites.site(42, 100).labels(), TestSites.site(43, 100).labels()));
    }
}
