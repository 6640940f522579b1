package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PriceListsTest {
    private final DemoSite site = TestSites.site(42, 600);

    private DemoSite.Page get(String url) {
        return site.get(URI.create(url).getPath(), null);
    }

    @Test
    void labelledPriceListsAreLinkedFromTheirShopPageAndHoldTheirLinesInVietnamese() throws Exception {
        JsonNode lists = SafeJson.MAPPER.readTree(site.labels()).get("priceLists");
        assertTrue(lists.size() >= 2, "price lists: " + lists.size());
        for (JsonNode list : lists) {
            DemoSite.Page shop = get(list.get("shopPage").asText());
            assertEquals(200, shop.status());
            String html = new String(shop.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(html.contains("href=\"" + URI.create(list.get("url").asText()).getPath() + "\""), html);
            DemoSite.Page pdf = get(list.get("url").asText());
            assertEquals(200, pdf.status());
            assertEquals("application/pdf", pdf.contentType());
            assertArrayEquals(pdf.body(), get(list.get("url").asText()).body(), "the same bytes on every request");
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper().getText(doc);
            }
            assertTrue(text.contains("BẢNG GIÁ"), text);
            assertTrue(list.get("lines").size() >= 4);
            for (JsonNode line : list.get("lines")) {
                assertTrue(text.contains(line.get("text").asText()), line + " not in\n" + text);
                assertTrue(line.get("text").asText().startsWith(line.get("title").asText()));
            }
        }
    }

    @Test
    void onlyProducersHaveAPriceList() {
        DemoListing plain = null;
        for (int i = 0; i < site.generator().count() && plain == null; i++) {
            DemoListing l = site.generator().listing(i);
            if (l.platform().equals("shopee") && site.generator().sellers().productOf(l.seller().id()).isEmpty()) {
                plain = l;
            }
        }
        String path = SiteLinks.priceList(site.style("shopee"), plain.seller().id());
        assertEquals(404, site.get(path, null).status());
        assertEquals(404, site.get("/shopee/shop/../" + PriceLists.FILE_NAME, null).status());
        String shop = new String(site.get(SiteLinks.shop(site.style("shopee"), plain.seller().id()), null).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!shop.contains(PriceLists.FILE_NAME), shop);
    }
}
