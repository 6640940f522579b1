package org.markguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.markguard.api.Listing;

/** Free-text posts of Facebook-group-like pages. */
class SocialPostTest {
    private final HtmlListingExtractor extractor = new HtmlListingExtractor();

    private static String post(String... paragraphs) {
        StringBuilder body = new StringBuilder("<html><head><title>Chợ Túi xách | Facebook</title></head><body>"
                + "<article class='post'><header class='post-header'><a class='post-author' "
                + "href='/facebook/profile/u-778'>Lan Nguyễn</a></header><div class='post-body'>");
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>");
        }
        return body.append("</div><div class='post-images'><img src='/img/1.png' alt='Có thể là hình ảnh về túi Gucci'>"
                + "</div></article></body></html>").toString();
    }

    private Optional<Listing> extract(String html, String platform) {
        return extractor.extract(Pages.page("https://demo.markguard.test/facebook/groups/cho-tui/posts/9", platform,
                "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void offerPostWithPriceInText() {
        Listing l = extract(post("Túi Gucci Marmont mới 99%", "Da thật, đủ hộp", "giá 1tr2", "ship từ HN",
                "Ib em nhé"), "facebook").orElseThrow();
        assertEquals("Túi Gucci Marmont mới 99%", l.title());
        assertEquals(0, new BigDecimal("1200000").compareTo(l.price()));
        assertEquals("VND", l.currency());
        assertEquals("TEXT", l.fieldSources().get("price"));
        assertEquals("u-778", l.seller().id());
        assertEquals("Lan Nguyễn", l.seller().name());
        assertEquals("HN", l.seller().location());
        assertEquals("Hà Nội", l.seller().province());
        assertEquals("TEXT", l.extractionSource());
        assertTrue(l.details().imageAlts().contains("Có thể là hình ảnh về túi Gucci"));
    }

    @ParameterizedTest
    @CsvSource({"giá 350k, 350000", "1.250.000đ, 1250000", "chỉ 450.000 VND thôi, 450000", "2 triệu, 2000000"})
    void pricesAsPostsWriteThem(String line, String expected) {
        Listing l = extract(post("Nước mắm Phú Quốc", line), "facebook").orElseThrow();
        assertEquals(0, new BigDecimal(expected).compareTo(l.price()), l.price() + " for " + line);
    }

    @Test
    void inboxForPriceIsAnOfferWithoutPrice() {
        Listing l = extract(post("Nước hoa Chanel No5 chính hãng", "inbox giá"), "zalo").orElseThrow();
        assertNull(l.price());
        assertEquals("Nước hoa Chanel No5 chính hãng", l.title());
    }

    @Test
    void postWithoutOfferIsNoListing() {
        assertTrue(extract(post("Mọi người ơi cho em hỏi", "Túi Gucci thật phân biệt thế nào ạ?"), "facebook")
                .isEmpty());
        assertTrue(extract(post("Hôm nay trời đẹp quá", "Năm 2024 đi Đà Lạt 3 ngày"), "facebook").isEmpty());
    }

    @Test
    void offerWithoutDiacritics() {
        Listing l = extract(post("Tui Gucci xach tay", "ban gia 500k"), "facebook").orElseThrow();
        assertEquals(0, new BigDecimal("500000").compareTo(l.price()));
    }

    @Test
    void structuredProductWinsOnSocialPlatforms() {
        String html = "<html><head><meta property='og:type' content='product'>"
                + "<meta property='og:title' content='Áo thun'><meta property='product:price:amount' content='99000'>"
                + "<meta property='product:price:currency' content='VND'></head><body><p>giá 350k</p></body></html>";
        Listing l = extract(html, "facebook").orElseThrow();
        assertEquals(0, new BigDecimal("99000").compareTo(l.price()));
        assertEquals("OPENGRAPH", l.fieldSources().get("price"));
    }
}
