package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markguard.api.Listing;

/** ProductDetails from each source, the field sources recorded, and seller provinces. */
class ProductDetailsTest {
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    private Listing extract(String html, String platform) {
        return extractor.extract(Pages.page("https://demo.markguard.test/p/1", platform, "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8))).orElseThrow();
    }

    @Test
    void jsonLdDetails() {
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Túi Gucci\","
                + "\"sku\":\"GG-01\",\"gtin13\":\"8935049501234\",\"brand\":{\"@type\":\"Brand\",\"name\":\"Gucci\"},"
                + "\"aggregateRating\":{\"ratingValue\":\"4.7\"},\"offers\":{\"@type\":\"AggregateOffer\","
                + "\"lowPrice\":\"350000\",\"highPrice\":\"520000\",\"priceCurrency\":\"VND\","
                + "\"availability\":\"https://schema.org/OutOfStock\"}}</script></head><body>"
                + "<img class='product-image' src='/a.jpg' alt='Túi Gucci GG Marmont'></body></html>";
        Listing l = extract(html, "lazada");
        assertEquals("Gucci", l.details().brand());
        assertEquals("GG-01", l.details().sku());
        assertEquals("8935049501234", l.details().gtin());
        assertEquals("OutOfStock", l.details().availability());
        assertEquals(4.7, l.details().rating());
        assertEquals(0, new BigDecimal("350000").compareTo(l.price()));
        assertEquals(0, new BigDecimal("520000").compareTo(l.details().priceHigh()));
        assertEquals(List.of("Túi Gucci GG Marmont"), l.details().imageAlts());
        assertEquals("JSON_LD", l.fieldSources().get("details.brand"));
        assertEquals("JSON_LD", l.fieldSources().get("details.priceHigh"));
        assertEquals("HTML", l.fieldSources().get("details.imageAlts"));
    }

    @Test
    void livestreamHostAndSoldCountFromEmbeddedJson() {
        String html = "<html><body><script id='__NEXT_DATA__' type='application/json'>{\"props\":{\"pageProps\":"
                + "{\"product\":{\"title\":\"Sữa Vinamilk\",\"price\":{\"amount\":32000,\"currency\":\"VND\"},"
                + "\"sold\":\"Đã bán 1,2k\",\"livestream\":{\"host\":\"KOC Linh\",\"live\":true}}}}}</script></body></html>";
        Listing l = extract(html, "web");
        assertEquals("KOC Linh", l.details().livestreamHost());
        assertEquals(1200L, l.details().soldCount());
        assertEquals("EMBEDDED_JSON", l.fieldSources().get("details.livestreamHost"));
    }

    @Test
    void visiblePriceWithStruckPriceAndLabelledSku() {
        String html = "<html><body><h1>Giày thể thao Nike Air</h1><div class='product-price'><del>1.200.000đ</del>"
                + "<span class='price-current'>950.000đ</span></div><table><tr><td>SKU:</td><td>NK-AIR-42</td></tr>"
                + "<tr><td>Thương hiệu</td><td>Nike</td></tr></table><button class='add-to-cart'>Thêm vào giỏ</button>"
                + "</body></html>";
        Listing l = extract(html, "web");
        assertEquals(0, new BigDecimal("950000").compareTo(l.price()));
        assertEquals(0, new BigDecimal("1200000").compareTo(l.details().originalPrice()));
        assertEquals("NK-AIR-42", l.details().sku());
        assertEquals("Nike", l.details().brand());
        assertEquals("HTML", l.fieldSources().get("price"));
        assertEquals("vi", l.details().language());
    }

    @ParameterizedTest
    @CsvSource({
        "'Quận 1, TP.HCM', TP. Hồ Chí Minh",
        "Sài Gòn, TP. Hồ Chí Minh",
        "Thuận An - Bình Dương, TP. Hồ Chí Minh",
        "Kiên Giang, An Giang",
        "kien giang, An Giang",
        "Phú Quốc - Kiên Giang, An Giang",
        "HN, Hà Nội",
        "Hà Nam, Ninh Bình",
        "'Cầu Giấy, Hà Nội', Hà Nội",
        "Thừa Thiên Huế, Huế",
        "Vũng Tàu, TP. Hồ Chí Minh",
        "Dak Lak, Đắk Lắk",
        "Hải Dương, Hải Phòng",
    })
    void provinces2025(String location, String province) {
        assertEquals(province, Provinces.defaults().provinceOf(location));
    }

    @Test
    void unknownPlaceHasNoProvince() {
        assertNull(Provinces.defaults().provinceOf("Nha Trang"));
        assertNull(Provinces.defaults().provinceOf("Paris"));
        assertNull(Provinces.defaults().provinceOf(null));
    }

    @ParameterizedTest
    @CsvSource({
        "Nước mắm Phú Quốc chính hãng, vi",
        "nuoc mam phu quoc chinh hang gia re, vi",
        "The best shoes for your feet, en",
        // Tika's detector: languages the own rules do not know
        "'Chaussures de randonnée pour homme, imperméables', fr",
        "'Wanderschuhe für Herren, wasserdicht und leicht', de",
        // Vietnamese-only letters: Vietnamese even with a foreign brand name in it
        "Kem chống nắng La Roche-Posay Anthelios, vi",
    })
    void language(String text, String expected) {
        assertEquals(expected, Languages.detect(text));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "<html lang='fr-FR'>, fr", "<html lang='EN_us'>, en", "<html lang='vi'>, vi", "<html xml:lang='de'>, de",
        "<html lang=''>, null", "<html lang='x-klingon'>, null", "<html lang='und'>, null",
        "<html lang='english'>, null", "<html lang='e1'>, null", "<html>, null",
    })
    void declaredLanguage(String root, String expected) {
        assertEquals(expected, Languages.declared(org.jsoup.Jsoup.parse(root + "<p>x</p>")));
    }

    @Test
    void declaredLanguageCountsOnlyWhenTheTextIsNotConclusive() {
        // Vietnamese letters and English prose settle it whatever the page says
        assertEquals(new Languages.Verdict("vi", false), Languages.judge("en", "Nước mắm Phú Quốc chính hãng"));
        assertEquals(new Languages.Verdict("en", false), Languages.judge("fr", "The best shoes for your feet"));
        // a bare product name: the page's word, not a guess of Tika's
        assertEquals(new Languages.Verdict("it", true), Languages.judge("it", "Orange Crush 12 Combo 60W"));
        assertEquals(new Languages.Verdict("fr", false),
                Languages.judge(null, "Chaussures de randonnée pour homme, imperméables"));
    }

    @Test
    void soldCounts() {
        assertEquals(1200L, SoldCounts.parse("Đã bán 1,2k"));
        assertEquals(2500L, SoldCounts.parse("2.5k sold"));
        assertEquals(1234L, SoldCounts.parse("1.234 đã bán"));
        assertNull(SoldCounts.parse("chưa bán"));
    }

    @Test
    void gtinMustLookLikeABarcode() {
        ProductFields f = new ProductFields(FieldSource.HTML);
        f.gtin("12-34");
        assertNull(f.gtin);
        f.gtin("8935049 501234");
        assertEquals("8935049501234", f.gtin);
        assertTrue(f.imageAlts.isEmpty());
    }
}
