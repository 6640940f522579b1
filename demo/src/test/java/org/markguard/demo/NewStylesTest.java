package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The Facebook-group-like and classifieds-like pages, parsed with jsoup against the labels. */
class NewStylesTest {
    private static final Pattern K = Pattern.compile("giá (\\d+)k");
    private static final Pattern TR = Pattern.compile("(\\d+)tr(\\d?)");
    private static final Pattern DOTTED = Pattern.compile("([\\d.]+)đ");
    private static final Pattern RANGE = Pattern.compile("₫([\\d.]+) - ₫([\\d.]+)");

    private final DemoSite site = TestSites.site(42, 1000);

    @Test
    void facebookPostsAreFreeTextWithTheirPriceSellerAndPlace() throws Exception {
        Map<String, JsonNode> labels = labelsByUrl();
        Set<PostPrice.Style> styles = EnumSet.noneOf(PostPrice.Style.class);
        int posts = 0;
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            if (!l.platform().equals("facebook")) {
                continue;
            }
            posts++;
            String path = site.listingPath(l);
            assertTrue(path.matches("/facebook/groups/[a-z0-9-]+/posts/\\d+"), path);
            Document doc = Jsoup.parse(TestSites.html(site, path), TestSites.BASE);
            assertFalse(PlatformCrawlTest.looksLikeAProduct(doc), path);
            assertTrue(doc.select("script, [itemscope], meta[property]").isEmpty(), "no structured data at all");
            Element author = doc.selectFirst("a.post-author");
            assertEquals("/facebook/profile/" + l.seller().id(), author.attr("href"));
            assertEquals(l.seller().name(), author.text());
            assertEquals(200, TestSites.fetch(site, author.attr("href")).status());
            String body = doc.selectFirst("div.post-body").text();
            assertTrue(body.contains(l.title()), body);
            JsonNode label = labels.get(site.listingUrl(l));
            if (!l.offer()) {
                assertTrue(label.path("price").isNull());
                continue;
            }
            styles.add(l.postPrice().style());
            assertEquals(label.path("priceText").asText(), FacebookStyle.priceLine(l));
            assertTrue(body.contains(label.path("priceText").asText()), body);
            Long read = readPrice(label.path("priceText").asText());
            assertEquals(label.path("price").isNull() ? null : label.path("price").asLong(), read, body);
            if (l.postPrice().style() == PostPrice.Style.RANGE) {
                Matcher m = RANGE.matcher(body);
                assertTrue(m.find());
                assertEquals(label.path("priceMax").asLong(), Long.parseLong(m.group(2).replace(".", "")));
            }
            if (l.seller().location() != null) {
                assertTrue(body.contains(l.seller().location()), body);
            } else {
                assertTrue(label.path("seller").path("location").isNull());
            }
        }
        assertTrue(posts > 100, "posts: " + posts);
        assertEquals(EnumSet.allOf(PostPrice.Style.class), styles);
    }

    @Test
    void postPricesAreWrittenTheVietnameseWay() {
        assertEquals("1tr2", PostPrice.tr(1_200_000));
        assertEquals("2tr", PostPrice.tr(2_000_000));
        assertEquals("giá 350k", new PostPrice.Written(PostPrice.Style.K, 0).text(350_000));
        assertEquals("Giá: 1.250.000đ", new PostPrice.Written(PostPrice.Style.DOTTED, 0).text(1_250_000));
        assertEquals("₫150.000 - ₫225.000 tùy mẫu", new PostPrice.Written(PostPrice.Style.RANGE, 50).text(150_000));
        assertEquals("inbox giá", new PostPrice.Written(PostPrice.Style.INBOX, 0).text(150_000));
    }

    @Test
    void classifiedsCarryASchemaOrgProductInMicrodata() {
        int checked = 0;
        for (int i = 0; i < site.generator().count(); i++) {
            DemoListing l = site.generator().listing(i);
            if (!l.platform().equals("rao-vat")) {
                continue;
            }
            String path = site.listingPath(l);
            assertEquals("/rao-vat/tin/" + l.itemId() + ".html", path);
            Document doc = Jsoup.parse(TestSites.html(site, path), TestSites.BASE);
            Element product = doc.selectFirst("[itemscope][itemtype=https://schema.org/Product]");
            assertNotNull(product);
            assertEquals(l.title(), product.selectFirst("[itemprop=name]").text());
            assertEquals(l.description(), product.selectFirst("> [itemprop=description]").text());
            assertEquals(l.brand(), product.selectFirst("[itemprop=brand] [itemprop=name]").text());
            assertEquals(l.imageCount(), product.select("img[itemprop=image]").size());
            Element offer = product.selectFirst("[itemprop=offers][itemtype=https://schema.org/Offer]");
            assertEquals(Long.toString(l.price()), offer.selectFirst("[itemprop=price]").attr("content"));
            assertEquals("VND", offer.selectFirst("[itemprop=priceCurrency]").attr("content"));
            Element seller = offer.selectFirst("[itemprop=seller]");
            assertEquals(l.seller().name(), seller.selectFirst("[itemprop=name]").text());
            assertEquals(l.seller().location(), seller.selectFirst("[itemprop=address]").text());
            assertEquals(l.seller().id(), seller.selectFirst("[itemprop=identifier]").attr("content"));
            assertTrue(doc.select("script").isEmpty());
            checked++;
        }
        assertTrue(checked > 50, "classifieds: " + checked);
    }

    @Test
    void theJavaScriptListingHasNoDataUntilItsScriptRuns() throws Exception {
        DemoListing l = first("jsrender");
        String html = TestSites.html(site, site.listingPath(l));
        Document doc = Jsoup.parse(html, TestSites.BASE);
        assertFalse(PlatformCrawlTest.looksLikeAProduct(doc));
        assertFalse(html.contains(l.title()), "the title is only in the encoded data");
        assertFalse(doc.text().contains(Money.trailing(l.price())));
        String script = doc.select("script").last().data();
        Matcher m = Pattern.compile("var data = '([A-Za-z0-9+/=]+)'").matcher(script);
        assertTrue(m.find());
        JsonNode data = SafeJson.MAPPER.readTree(java.util.Base64.getDecoder().decode(m.group(1)));
        assertEquals(l.title(), data.path("name").asText());
        assertEquals("Product", data.path("ld").path("@type").asText());
        assertEquals(l.price(), data.path("ld").path("offers").path("price").asLong());
        assertEquals(l.seller().name(), data.path("seller").path("name").asText());
        assertTrue(script.contains("application/ld+json") && script.contains("textContent"));
    }

    private DemoListing first(String platform) {
        for (int i = 0; i < site.generator().count(); i++) {
            if (site.generator().listing(i).platform().equals(platform)) {
                return site.generator().listing(i);
            }
        }
        throw new AssertionError("no " + platform + " listing");
    }

    private Map<String, JsonNode> labelsByUrl() throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode l : TestSites.listings(site)) {
            out.put(l.path("url").asText(), l);
        }
        return out;
    }

    /** Reads a post's price line back the way a free-text extractor would; null for "inbox giá". */
    static Long readPrice(String line) {
        Matcher m = RANGE.matcher(line);
        if (m.find()) {
            return Long.parseLong(m.group(1).replace(".", ""));
        }
        m = K.matcher(line);
        if (m.find()) {
            return Long.parseLong(m.group(1)) * 1000;
        }
        m = TR.matcher(line);
        if (m.find()) {
            return Long.parseLong(m.group(1)) * 1_000_000 + (m.group(2).isEmpty() ? 0 : Long.parseLong(m.group(2)) * 100_000);
        }
        m = DOTTED.matcher(line);
        if (m.find()) {
            return Long.parseLong(m.group(1).replace(".", ""));
        }
        assertNull(line.contains("inbox") ? null : line, "unreadable price: " + line);
        return null;
    }
}
