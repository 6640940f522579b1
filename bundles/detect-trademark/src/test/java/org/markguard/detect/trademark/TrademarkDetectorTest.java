package org.markguard.detect.trademark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.markguard.api.Registries;
import org.markguard.api.Seller;

class TrademarkDetectorTest {
    private static final Brand GUCCI = new Brand("gucci", List.of("Gucci"), "Guccio Gucci S.p.A.", List.of(18),
            List.of("túi xách", "ví", "bag"), List.of("gucci-official", "gucci.vn"),
            new Brand.ReferencePrice(new BigDecimal("9000000"), "VND"));
    private static final Brand TRUNG_NGUYEN = new Brand("trung-nguyen", List.of("Trung Nguyên"), null, List.of(30),
            List.of("cà phê"), List.of(), null);
    private static final Brand APPLE = new Brand("apple", List.of("Apple", "iPhone"), null, List.of(9),
            List.of("iphone", "điện thoại"), List.of("apple-flagship-store"), null);
    private static final Registries REGISTRIES = new Registries(List.of(GUCCI, TRUNG_NGUYEN, APPLE), List.of());
    private static final DetectionContext CONTEXT = () -> REGISTRIES;
    private static final Seller SHOP = new Seller("shop-abc", "shop-abc", "Hà Nội");

    private final TrademarkDetector detector = new TrademarkDetector();

    private static Listing listing(String title, String description, String price, String currency, Seller seller) {
        return new Listing(null, "https://shop.example/p/1", "test", title, description,
                price == null ? null : new BigDecimal(price), currency, seller, null, null, null, null, null, null);
    }

    private List<Finding> detect(String title, String description, Seller seller) {
        return detector.detect(listing(title, description, null, null, seller), CONTEXT);
    }

    @Test
    void describesItself() {
        assertEquals("trademark", detector.id());
        assertEquals("1.0.0", detector.version());
        assertEquals("Trademark counterfeit", detector.name());
    }

    @Test
    void brandInTitleIsFoundDespiteCase() {
        List<Finding> findings = detect("Túi đeo chéo GUCCI mới", null, SHOP);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(FindingKind.TRADEMARK, finding.kind());
        assertEquals("gucci", finding.subject());
        assertEquals("trademark", finding.detectorId());
        assertEquals("1.0.0", finding.detectorVersion());
        assertEquals(0.6, finding.score(), 1e-9);
        assertEquals("brand 'Gucci' named in the title (\"GUCCI\")", finding.reasons().get(0));
        assertEquals("seller 'shop-abc' is not an official seller of Gucci", finding.reasons().get(1));
    }

    @Test
    void brandIsFoundWithoutItsDiacriticsAndDecomposed() {
        assertEquals("trung-nguyen", detect("Cafe TRUNG NGUYEN rang xay", null, SHOP).get(0).subject());
        String decomposed = "Trung Nguye\u0302\u0300n"; // NFD "Nguyễn"-style input, repaired by FoldedText
        assertEquals(1, detect("Cà phê " + decomposed, null, SHOP).size());
    }

    @Test
    void officialSellerIsNotFlaggedById() {
        assertTrue(detect("Gucci bag", null, new Seller("gucci-official", "Gucci Store", null)).isEmpty());
    }

    @Test
    void officialSellerIsNotFlaggedByFoldedName() {
        assertTrue(detect("Gucci bag", null, new Seller("12345", "GUCCI.VN", null)).isEmpty());
    }

    @Test
    void nameInsideALongerWordIsNotFlagged() {
        assertTrue(detect("Guccini style bag, pineapple phone case", "applepie", SHOP).isEmpty());
    }

    @Test
    void lowPriceAddsAReasonAndScore() {
        Finding finding = detector.detect(listing("Gucci belt", null, "350000", "VND", SHOP), CONTEXT).get(0);
        assertEquals(0.8, finding.score(), 1e-9);
        assertTrue(finding.reasons().contains("price 350,000 VND is 4 % of the reference 9,000,000 VND"),
                finding.reasons().toString());
    }

    @Test
    void priceInAnotherCurrencyOrAboveTheRatioAddsNothing() {
        assertEquals(0.6, detector.detect(listing("Gucci belt", null, "15", "USD", SHOP), CONTEXT).get(0).score(),
                1e-9);
        assertEquals(0.6, detector.detect(listing("Gucci belt", null, "4500000", "VND", SHOP), CONTEXT).get(0)
                .score(), 1e-9);
    }

    @Test
    void productTermAddsAReasonAndScoreAllBonusesTogether() {
        Finding finding = detector.detect(listing("Túi xách Gucci", "ví da", "350000", "VND", SHOP), CONTEXT)
                .get(0);
        assertEquals(0.9, finding.score(), 1e-9);
        assertEquals(List.of("brand 'Gucci' named in the title (\"Gucci\")",
                "price 350,000 VND is 4 % of the reference 9,000,000 VND",
                "product 'túi xách' covered by the mark named in the title (\"Túi xách\")",
                "seller 'shop-abc' is not an official seller of Gucci"), finding.reasons());
    }

    @Test
    void theBrandNameItselfDoesNotCountAsItsProduct() {
        Finding finding = detect("iPhone 15 Pro Max", null, SHOP).get(0);
        assertEquals("apple", finding.subject());
        assertEquals(0.6, finding.score(), 1e-9);
    }

    @Test
    void spansPointAtTheRightText() {
        String title = "Ví da gucci xịn";
        String description = "Hàng GUCCI, giá tốt. Gucci!";
        Listing listing = listing(title, description, null, null, new Seller("s1", "Shop Tốt", null));
        Finding finding = detector.detect(listing, CONTEXT).get(0);
        List<EvidenceSpan> spans = finding.spans();
        EvidenceSpan first = spans.get(0);
        assertEquals("title", first.field());
        assertEquals("gucci", title.substring(first.start(), first.end()));
        assertEquals("gucci", first.text());
        List<EvidenceSpan> inDescription = spans.stream().filter(s -> s.field().equals("description")).toList();
        assertEquals(List.of("GUCCI", "Gucci"), inDescription.stream()
                .map(s -> description.substring(s.start(), s.end())).toList());
        assertTrue(spans.contains(new EvidenceSpan("title", 0, 2, "Ví")), "the product term 'ví': " + spans);
        assertTrue(spans.contains(new EvidenceSpan("seller.name", 0, 8, "Shop Tốt")));
        assertEquals("brand 'Gucci' named in the title (\"gucci\") and the description (\"GUCCI\")",
                finding.reasons().get(0));
        assertEquals("seller 'Shop Tốt' (s1) is not an official seller of Gucci", finding.reasons().get(2));
    }

    @Test
    void unknownSellerIsFlaggedAndSaysSo() {
        Finding finding = detect("Gucci", null, Seller.UNKNOWN).get(0);
        assertEquals("the seller is unknown, so not a known official seller of Gucci", finding.reasons().get(1));
    }

    @Test
    void nothingNamedNothingFound() {
        assertTrue(detect(null, null, SHOP).isEmpty());
        assertTrue(detect("Túi xách da bò", "hàng Việt Nam", SHOP).isEmpty());
    }

    @Test
    void scoreIsCappedAtOne() {
        TrademarkDetector eager = new TrademarkDetector(new TrademarkScoring(0.9, 0.5, 0.5, 0.5));
        Finding finding = eager.detect(listing("Túi xách Gucci", null, "1000", "VND", SHOP), CONTEXT).get(0);
        assertEquals(1.0, finding.score(), 1e-9);
    }

    @Test
    void settingsOutsideZeroToOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TrademarkScoring(1.5, 0.5, 0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new TrademarkScoring(0.6, Double.NaN, 0.2, 0.1));
    }

    @Test
    void priceAmountsAreWrittenForPeople() {
        assertEquals("9,000,000", PriceCheck.amount(new BigDecimal("9000000")));
        assertEquals("12.5", PriceCheck.amount(new BigDecimal("12.50")));
    }
}
