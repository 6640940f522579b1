package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What each platform puts on a listing page, and that hostile text stays text. */
class PageContentTest {
    private final DemoSite site = TestSites.site(42, 400);

    @Test
    void hostilePayloadsAreEscapedOnEveryPlatform() throws Exception {
        Set<String> platforms = new HashSet<>();
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            if (l.category() != LabelCategory.HOSTILE) {
                continue;
            }
            platforms.add(l.platform());
            String html = TestSites.html(site, site.listingPath(l));
            Document doc = Jsoup.parse(html, TestSites.BASE);
            assertNoActiveContent(doc, html);
            assertTrue(l.offer());
            if (!l.platform().equals("tiktok")) {
                // the visible text shows the payload literally
                assertTrue(doc.body().text().contains("<script>alert(1)</script>"), l.title());
                assertTrue(doc.body().text().contains("<img src=x onerror=alert(1)>"), l.title());
                assertTrue(doc.body().text().contains("javascript:alert(document.cookie)"));
            }
            JsonNode data = embeddedJson(doc, l.platform());
            if (data != null) {
                String description = l.platform().equals("lazada") ? data.path("description").asText()
                        : data.path("props").path("pageProps").path("product").path("description").asText();
                assertEquals(l.description(), description);
            }
        }
        assertEquals(Set.of("shopee", "lazada", "tiktok", "facebook", "rao-vat"), platforms);
    }

    @Test
    void shopeePagesCarryOpenGraphProductMeta() {
        DemoListing l = first("shopee");
        Document doc = Jsoup.parse(TestSites.html(site, site.listingPath(l)), TestSites.BASE);
        assertEquals("product", meta(doc, "og:type"));
        assertEquals(l.title(), meta(doc, "og:title"));
        assertEquals(l.description(), meta(doc, "og:description"));
        assertEquals(site.listingUrl(l), meta(doc, "og:url"));
        assertTrue(meta(doc, "og:image").startsWith(TestSites.BASE + "img/"));
        assertEquals(Long.toString(l.price()), meta(doc, "product:price:amount"));
        assertEquals("VND", meta(doc, "product:price:currency"));
        assertEquals(Money.shopee(l.price()), doc.selectFirst(".product-price").text());
        assertTrue(site.listingPath(l).matches("/shopee/[a-z0-9-]+-i\\.\\d+\\.\\d+"));
        assertEquals("₫350.000", Money.shopee(350_000));
    }

    @Test
    void lazadaJsonLdParsesAsASchemaOrgProduct() throws Exception {
        int checked = 0;
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            if (!l.platform().equals("lazada")) {
                continue;
            }
            Document doc = Jsoup.parse(TestSites.html(site, site.listingPath(l)), TestSites.BASE);
            JsonNode p = embeddedJson(doc, "lazada");
            assertEquals("Product", p.path("@type").asText());
            assertEquals(l.title(), p.path("name").asText());
            assertEquals(l.description(), p.path("description").asText());
            assertEquals(l.imageCount(), p.path("image").size());
            assertEquals("Brand", p.path("brand").path("@type").asText());
            assertFalse(p.path("sku").asText().isEmpty());
            JsonNode offer = p.path("offers");
            assertEquals("Offer", offer.path("@type").asText());
            assertEquals(l.price(), offer.path("price").asLong());
            assertEquals("VND", offer.path("priceCurrency").asText());
            assertEquals("https://schema.org/InStock", offer.path("availability").asText());
            assertEquals(l.seller().name(), offer.path("seller").path("name").asText());
            assertEquals(l.seller().id(), offer.path("seller").path("identifier").asText());
            assertEquals(l.seller().location(), offer.path("seller").path("address").path("addressRegion").asText());
            assertEquals(l.title(), doc.selectFirst("h1").text());
            assertTrue(site.listingPath(l).matches("/lazada/products/[a-z0-9-]+-i\\d+\\.html"));
            checked++;
        }
        assertTrue(checked > 50);
    }

    @Test
    void tiktokPagesHideTheDataInNextData() throws Exception {
        DemoListing l = first("tiktok");
        Document doc = Jsoup.parse(TestSites.html(site, site.listingPath(l)), TestSites.BASE);
        JsonNode product = embeddedJson(doc, "tiktok").path("props").path("pageProps").path("product");
        assertEquals(l.title(), product.path("title").asText());
        assertEquals(l.description(), product.path("description").asText());
        assertEquals(l.price(), product.path("price").path("amount").asLong());
        assertEquals("VND", product.path("price").path("currency").asText());
        assertEquals(l.imageCount(), product.path("images").size());
        assertEquals(l.seller().id(), product.path("seller").path("id").asText());
        assertEquals(l.seller().name(), product.path("seller").path("name").asText());
        assertEquals(l.seller().location(), product.path("seller").path("location").asText());
        assertEquals(l.livestreamHost(), product.path("livestream").path("host").asText());
        assertTrue(product.path("livestream").path("live").isBoolean());
        assertFalse(doc.body().text().contains(l.title()), "the shell shows no product text");
        assertEquals("/tiktok/product/" + l.itemId(), site.listingPath(l));
    }

    private DemoListing first(String platform) {
        for (int i = 0; i < site.generator().count(); i++) {
            if (site.generator().listing(i).platform().equals(platform)) {
                return site.generator().listing(i);
            }
        }
        throw new AssertionError("no " + platform + " listing");
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "]");
        assertNotNull(e, property);
        return e.attr("content");
    }

    /** The JSON-LD (Lazada) or __NEXT_DATA__ (TikTok) of a page, parsed; null for other platforms. */
    private static JsonNode embeddedJson(Document doc, String platform) throws Exception {
        Element script = switch (platform) {
            case "lazada" -> doc.selectFirst("script[type=application/ld+json]");
            case "tiktok" -> doc.selectFirst("script#__NEXT_DATA__[type=application/json]");
            default -> null;
        };
        if (script == null) {
            assertFalse(platform.equals("lazada") || platform.equals("tiktok"), "no embedded JSON on " + platform);
            return null;
        }
        return SafeJson.MAPPER.readTree(script.data());
    }

    /** No script that a browser would run, no event handler, no javascript: link, no injected image. */
    private static void assertNoActiveContent(Document doc, String html) {
        for (Element script : doc.select("script")) {
            String type = script.attr("type");
            assertTrue(type.equals("application/json") || type.equals("application/ld+json"), script.outerHtml());
            assertFalse(script.data().contains("<"), "raw markup inside embedded JSON");
        }
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), e.outerHtml());
                assertFalse(a.getValue().strip().toLowerCase().startsWith("javascript:") && a.getKey().equals("href"));
            }
        }
        assertTrue(doc.select("img[src=x], svg").isEmpty());
        assertFalse(html.contains("<script>alert(1)</script>"), "payload unescaped in the raw HTML");
    }
}
