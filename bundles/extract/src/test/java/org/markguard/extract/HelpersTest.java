package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelpersTest {

    /** Absolute URLs skip the resolver only where it would return them unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"https://cdn.test/rx-w50-h60/fan-1.jpg", "HTTPS://X.test/A b.jpg", "https://x.test/a/../b.jpg",
        "https://x.test/ảnh.jpg", "https://x.test/a?b=c d#f", "http://x.test", "https://X.TEST/p", "https://x.test/a\tb",
        " https://x.test/a ", "https://x.test/%7Ea", "https://x.test:443/a", "https://user@x.test/a", "http://",
        "https:///a", "https://x.test\\a", "/relative/img.png", "img.png", "data:image/png;base64,AA"})
    void absoluteUrlsAreWhatTheResolverGives(String raw) {
        String base = "https://shop.test/product/1";
        String resolved = org.jsoup.internal.StringUtil.resolve(base, raw.strip());
        String expected = resolved == null || resolved.isEmpty()
                || !resolved.toLowerCase(java.util.Locale.ROOT).matches("https?://.*") ? null : resolved;
        assertEquals(expected, Urls.absolute(base, raw));
    }

    @Test
    void collapsedSpacesAreTheRegexsResult() {
        for (String text : new String[] {"  a \t\n b\u00a0\u00a0c\u2003 ", "plain text", "\ufeffx\u200by", "", " ", "a\u2028b "}) {
            assertEquals(text.replaceAll("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]+", " ").strip(),
                    Text.collapseSpaces(text), text);
        }
    }

    @Test
    void severalAmountsAsTheRegexFindsThem() {
        java.util.regex.Pattern several = java.util.regex.Pattern.compile("\\d[\\d.,\\s]*\\D+\\d[\\d.,]*\\d");
        for (String text : new String[] {"49 890 тг. 44 890 тг.", "1,250", "€12", "12.99", "1 299,00 €", "$5 - $19",
            "3 for 10", "9", "a1b2", "1-23"}) {
            assertEquals(several.matcher(text).find(), VisiblePrice.severalAmounts(text), text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "https://demo.test/shopee/shop/8841        | 8841",
        "/shop/8841/                               | 8841",
        "https://demo.test/tiki/seller/aothun99?x=1 | aothun99",
        "https://demo.test/Shop/ABC#top            | ABC",
        "https://demo.test/shop/t%E1%BA%A1p-h%C3%B3a | tạp-hóa",
        "https://demo.test/shop/8841/products      | -",
        "https://demo.test/shopping/8841           | -",
        "https://demo.test/workshop/8841           | -",
        "-                                         | -"})
    void sellerIdsFromShopLinks(String url, String id) {
        assertEquals(id, Urls.sellerIdFromLink(url));
    }

    @Test
    void canonicalUrls() {
        String page = "https://demo.test/p/1?a=b#frag";
        assertEquals("https://demo.test/p/1?a=b", Urls.canonical(page));
        assertEquals("https://demo.test/p/canonical", Urls.canonical(page, "https://DEMO.test/p/canonical#x"));
        assertEquals("https://demo.test/p/1?a=b", Urls.canonical(page, "https://other.test/p/canonical"));
        assertEquals("https://demo.test/p/og", Urls.canonical(page, null, "not a url", "https://demo.test/p/og"));
    }

    @Test
    void absoluteUrls() {
        assertEquals("https://demo.test/img/a.jpg", Urls.absolute("https://demo.test/p/1", " /img/a.jpg\n"));
        assertEquals("https://cdn.test/a.jpg", Urls.absolute("https://demo.test/p/1", "//cdn.test/a.jpg"));
        assertNull(Urls.absolute("https://demo.test/p/1", "data:image/png;base64,AAAA"));
        assertNull(Urls.absolute("https://demo.test/p/1", "javascript:alert(1)"));
        assertNull(Urls.absolute("https://demo.test/p/1", "  "));
    }

    /** Seller-typed text that looks like markup is text: kept whole, to be shown escaped. */
    @Test
    void markupLookingTextStaysText() {
        assertEquals("Túi xách <img src=x onerror=alert(1)> da thật", Text.clean("Túi xách <img src=x onerror=alert(1)> da thật"));
        assertEquals("<script>alert('giá sốc')</script> Áo thun", Text.clean("<script>alert('giá sốc')</script>  Áo thun"));
        assertEquals("<!-- hot --> Giày", Text.clean("<!-- hot --> Giày"));
    }

    @Test
    void textIsCleaned() {
        assertEquals("Nước mắm & muối", Text.cleanMarkup("<p>Nước  mắm</p>\n&amp;\u00a0muối "));
        assertEquals("Nước mắm & muối", Text.clean("Nước  mắm\n&amp;\u00a0muối "));
        String nfd = Normalizer.normalize("Phú Quốc", Normalizer.Form.NFD);
        assertEquals("Phú Quốc", Text.clean(nfd));
        assertTrue(Normalizer.isNormalized(Text.clean(nfd), Normalizer.Form.NFC));
        assertNull(Text.clean(" \u200b\u00a0 "));
        assertEquals("a < b", Text.clean("a < b"));
        assertEquals("ab", Text.truncate("ab\uD83D\uDE00", 3)); // never half an emoji
    }

    @Test
    void balancedLiteralIgnoresBracketsInStrings() {
        String code = "window.__X__ = {\"a\":\"}{\",\"b\":[1,{\"c\":'x]'}]}; other();";
        int start = code.indexOf('{');
        assertEquals("{\"a\":\"}{\",\"b\":[1,{\"c\":'x]'}]}", EmbeddedJsonSource.balancedLiteral(code, start));
        assertNull(EmbeddedJsonSource.balancedLiteral("{\"open\": [", 0));
    }

    @Test
    void productTypesAreRecognisedInAnySpelling() {
        assertEquals("product", JsonLdSource.localName("http://schema.org/Product"));
        assertEquals("product", JsonLdSource.localName("schema:Product"));
        assertEquals("product", JsonLdSource.localName("Product"));
        assertFalse(JsonLdSource.PRODUCT_TYPES.contains(JsonLdSource.localName("https://schema.org/Offer")));
    }
}
