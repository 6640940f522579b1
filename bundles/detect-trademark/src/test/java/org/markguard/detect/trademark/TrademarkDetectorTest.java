package org.markguard.detect.trademark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.Brand;
import org.markguard.api.DetectionContext;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;
import org.markguard.api.ProductDetails;
import org.markguard.api.Registries;
import org.markguard.api.Seller;

class TrademarkDetectorTest {
    private static final Brand GUCCI = brand("gucci", List.of("Gucci"), List.of(18, 25), List.of("túi xách", "ví", "bag"),
            List.of("gucci-official"), 9_000_000);
    private static final Brand LV = brand("louis-vuitton", List.of("Louis Vuitton", "LV"), List.of(18),
            List.of("túi", "ví"), List.of("lv-official"), 15_000_000);
    private static final Brand ADIDAS = brand("adidas", List.of("Adidas"), List.of(25), List.of("giày"), List.of(),
            1_200_000);
    private static final Brand NIKE = brand("nike", List.of("Nike"), List.of(25), List.of("giày"), List.of(), 1_500_000);
    private static final Brand APPLE = brand("apple", List.of("Apple", "iPhone"), List.of(9),
            List.of("điện thoại", "iphone"), List.of("apple-flagship-store"), 3_000_000);
    private static final Brand LRP = brand("la-roche-posay", List.of("La Roche-Posay"), List.of(3), List.of("kem"),
            List.of(), 300_000);
    private static final Brand CHANEL = brand("chanel", List.of("Chanel"), List.of(3), List.of("nước hoa"), List.of(),
            3_000_000);
    private static final Brand DIOR = brand("dior", List.of("Dior"), List.of(18), List.of("túi"), List.of(), 2_500_000);
    private static final Brand BITIS = brand("bitis", List.of("Biti's"), List.of(25), List.of("sandal"), List.of(),
            300_000);
    private static final DetectionContext CONTEXT = () -> new Registries(List.of(GUCCI, LV, ADIDAS, NIKE, APPLE, LRP,
            CHANEL, DIOR, BITIS),
            List.of());
    private static final Seller SHOP = new Seller("shop-abc", "shop-abc", "Hà Nội");

    private final TrademarkDetector detector = new TrademarkDetector();

    private static Brand brand(String id, List<String> names, List<Integer> classes, List<String> terms,
                               List<String> official, long min) {
        return new Brand(id, names, null, classes, terms, official,
                new Brand.ReferencePrice(BigDecimal.valueOf(min), "VND"));
    }

    private List<Finding> detect(String title, String description, long price, Seller seller) {
        return detect(title, description, price, seller, ProductDetails.NONE);
    }

    private List<Finding> detect(String title, String description, long price, Seller seller, ProductDetails d) {
        Listing listing = new Listing(null, "https://shop.example/p/1", "test", title, description,
                price == 0 ? null : BigDecimal.valueOf(price), "VND", seller, null, null, null, null, null, null, d,
                null);
        return detector.detect(listing, CONTEXT);
    }

    private Finding only(List<Finding> findings, String subject) {
        assertEquals(1, findings.size(), () -> "findings: " + findings);
        assertEquals(subject, findings.get(0).subject());
        assertEquals(FindingKind.TRADEMARK, findings.get(0).kind());
        return findings.get(0);
    }

    @Test
    void plainMentionAtNormalPriceStaysBelowMinScore() {
        assertTrue(detect("Túi xách Gucci Marmont", "Hàng đẹp, giao nhanh", 12_000_000, SHOP).isEmpty());
    }

    @Test
    void lowPriceAloneMakesItAFindingThatSaysWhy() {
        Finding f = only(detect("Túi xách Gucci Marmont", "Hàng mới 100%, giá xả kho", 350_000, SHOP), "gucci");
        assertEquals("brand 'Gucci' named in the title (\"Gucci\")", f.reasons().get(0));
        assertEquals("price 350,000 ₫ is 4 % of the reference 9,000,000 ₫", f.reasons().get(1));
        assertTrue(f.reasons().get(f.reasons().size() - 1).contains("not an official seller"));
        assertTrue(f.score() >= 0.5);
        assertTrue(f.spans().contains(new EvidenceSpan("title", 9, 14, "Gucci")));
    }

    @Test
    void slangAloneMakesItAFinding() {
        Finding f = only(detect("Giày Nike Air Force 1 hàng rep 1:1", "ship COD", 1_600_000, SHOP), "nike");
        assertTrue(f.reasons().get(1).startsWith("counterfeit slang 'hàng rep'"), f.reasons().toString());
    }

    @Test
    void disguisedNamesAreFound() {
        Finding spelled = only(detect("Túi G.U.C.C.I mới", "giá tốt", 9_500_000, SHOP), "gucci");
        assertEquals("brand 'Gucci' written 'G.U.C.C.I' in the title (spelled out letter by letter)",
                spelled.reasons().get(0));
        only(detect("Túi g u c c i mới", "giá tốt", 9_500_000, SHOP), "gucci");
        Finding leet = only(detect("Giày N1ke chạy bộ", "giá tốt", 1_600_000, SHOP), "nike");
        assertTrue(leet.reasons().get(0).contains("'N1ke'"), leet.reasons().toString());
        only(detect("Ví L0uis Vuitton nam", "giá tốt", 16_000_000, SHOP), "louis-vuitton");
        only(detect("Giày Ad1das Samba", "giá tốt", 1_600_000, SHOP), "adidas");
        Finding cyrillic = only(detect("Túi Guссi nữ", "giá tốt", 9_500_000, SHOP), "gucci"); // Cyrillic с
        assertTrue(cyrillic.reasons().get(0).contains("look-alike"), cyrillic.reasons().toString());
        Finding typo = only(detect("Giày Adidaas Ultraboost", "giá tốt", 1_600_000, SHOP), "adidas");
        assertTrue(typo.reasons().get(0).contains("one letter off"), typo.reasons().toString());
        only(detect("Ví Guccl nữ", "giá tốt", 9_500_000, SHOP), "gucci");
        only(detect("Kem La Roche Posay giá sỉ", "", 90_000, SHOP), "la-roche-posay");
    }

    @Test
    void wordsThatOnlyLookLikeBrandsAreNot() {
        assertTrue(detect("Túi Guccini da bò", "giá rẻ 100.000", 100_000, SHOP).isEmpty());
        assertTrue(detect("Ốp lưng phone chống sốc", "giá rẻ", 30_000, SHOP).isEmpty());
        assertTrue(detect("Kênh Youtube channel bán hàng", "giá rẻ", 30_000, SHOP).isEmpty()); // a typo needs goods or slang
        only(detect("Nước hoa Channel No.5", "giá rẻ", 300_000, SHOP), "chanel");
        only(detect("Túi Lady Diorr", "giá rẻ", 300_000, SHOP), "dior");
        only(detect("Sandal B1t1's Hunter", "giá rẻ", 44_000, SHOP), "bitis");
        assertTrue(detect("Nikel mạ vàng", "giá rẻ", 30_000, SHOP).isEmpty());
    }

    @Test
    void brandFieldAndImageAltCount() {
        ProductDetails alt = new ProductDetails(null, null, null, null, null, null, null, null, null,
                List.of("ảnh túi GUCCI thật"), null, null);
        Finding f = only(detect("Túi xách nữ da thật", "giá xả", 300_000, SHOP, alt), "gucci");
        assertTrue(f.reasons().get(0).contains("an image's alt text"), f.reasons().toString());
        ProductDetails brand = new ProductDetails("Gucci", null, null, null, null, null, null, null, null, null, null,
                null);
        only(detect("Túi xách nữ da thật", "giá xả", 300_000, SHOP, brand), "gucci");
    }

    @Test
    void lawfulUsesAreNotFlagged() {
        assertTrue(detect("Túi xách Gucci hàng rep", "", 300_000, new Seller("gucci-official", "Gucci", "HN")).isEmpty());
        assertTrue(detect("Ốp lưng dùng cho iPhone 15 Pro Max chống sốc",
                "Ốp silicon. Không phải sản phẩm của Apple.", 35_000, SHOP).isEmpty());
        assertTrue(detect("Sạc nhanh 25W cho iPhone 15", "giá rẻ", 79_000, SHOP).isEmpty());
        assertTrue(detect("Cáp sạc Type-C tương thích iPhone 15", "giá rẻ", 29_000, SHOP).isEmpty());
        assertTrue(detect("Táo Apple Envy New Zealand 1kg", "trái cây nhập khẩu, giá tốt", 150_000, SHOP).isEmpty());
        assertTrue(detect("Review túi Gucci Marmont sau 1 năm", "Đánh giá chi tiết", 0, SHOP).isEmpty());
        assertTrue(detect("Gucci ra mắt bộ sưu tập mới", "Tin tức thời trang", 0, SHOP).isEmpty());
    }

    @Test
    void counterfeitSlangBeatsAnAccessoryExcuse() {
        assertFalse(detect("Tai nghe AirPods iPhone rep 1:1 cho iPhone", "giá rẻ", 200_000, SHOP).isEmpty());
    }

    @Test
    void theIndexIsBuiltOncePerRegistries() {
        Registries registries = CONTEXT.registries();
        DetectionContext same = () -> registries;
        Listing listing = new Listing(null, "https://shop.example/p/2", "test", "Túi Gucci rep", null,
                BigDecimal.valueOf(100_000), "VND", SHOP, null, null, null, null, null, null);
        assertEquals(detector.detect(listing, same), detector.detect(listing, same));
    }
}
