package org.markguard.detect.indication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.DetectionContext;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Indication;
import org.markguard.api.Listing;
import org.markguard.api.Registries;
import org.markguard.api.Seller;

class IndicationDetectorTest {
    // as the runtime loads gis.json: the former province Kiên Giang is kept as a locality
    private static final Indication PHU_QUOC = new Indication("phu-quoc-fish-sauce",
            FindingKind.GEOGRAPHICAL_INDICATION, List.of("Phú Quốc"), List.of("nước mắm", "fish sauce"),
            new Indication.Region("An Giang", List.of("Phú Quốc", "Kiên Giang")), List.of("Hưng Thành"),
            "GI 00001 (2001)");
    private static final Indication DA_LAT_STRAWBERRY = new Indication("da-lat-strawberry",
            FindingKind.CERTIFICATION_MARK, List.of("Dâu tây Đà Lạt", "Đà Lạt"), List.of("dâu tây", "strawberry"),
            new Indication.Region("Lâm Đồng", List.of("Đà Lạt")), List.of(), "");
    private static final Indication BRVT_PEPPER = new Indication("ba-ria-vung-tau-black-pepper",
            FindingKind.GEOGRAPHICAL_INDICATION, List.of("Bà Rịa - Vũng Tàu"), List.of("hồ tiêu", "tiêu"),
            new Indication.Region("TP. Hồ Chí Minh", List.of("Bà Rịa - Vũng Tàu")), List.of(), "GI 00064 (2018)");
    private static final DetectionContext CONTEXT =
            () -> new Registries(List.of(), List.of(PHU_QUOC, DA_LAT_STRAWBERRY, BRVT_PEPPER));

    private final IndicationDetector detector = new IndicationDetector();

    private List<Finding> detect(String title, String description, Seller seller) {
        Listing listing = new Listing(null, "https://shop.example/p/1", "test", title, description, null, null,
                seller, null, null, null, null, null, null);
        return detector.detect(listing, CONTEXT);
    }

    private static Seller seller(String location) {
        return new Seller("shop-abc", "shop-abc", location);
    }

    @Test
    void describesItself() {
        assertEquals("indication", detector.id());
        assertEquals("2.0.0", detector.version());
        assertEquals("Geographical indication / collective / certification mark misuse", detector.name());
    }

    @Test
    void productOfTheIndicationSoldFromOutsideTheRegionIsFlagged() {
        List<Finding> findings = detect("Nước mắm Phú Quốc 40 độ đạm, chai 500ml", null, seller("Hà Nội"));
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(FindingKind.GEOGRAPHICAL_INDICATION, finding.kind());
        assertEquals("phu-quoc-fish-sauce", finding.subject());
        assertEquals("indication", finding.detectorId());
        assertEquals(0.7, finding.score(), 1e-9);
        assertEquals(List.of("indication 'Phú Quốc' with product 'nước mắm' in the title",
                "seller located in 'Hà Nội', outside the registered region An Giang (Phú Quốc, Kiên Giang)",
                "seller 'shop-abc' is not an authorised producer (registration GI 00001 (2001))"),
                finding.reasons());
    }

    @Test
    void spansPointAtTheNameTheProductAndTheLocation() {
        String title = "Nước mắm Phú Quốc 500ml";
        Finding finding = detect(title, null, seller("Hà Nội")).get(0);
        assertEquals(List.of(new EvidenceSpan("title", 9, 17, "Phú Quốc"), new EvidenceSpan("title", 0, 8, "Nước mắm"),
                new EvidenceSpan("seller.location", 0, 6, "Hà Nội")), finding.spans());
        assertEquals("Phú Quốc", title.substring(9, 17));
    }

    @Test
    void sellerInsideTheRegionIsNotFlagged() {
        String title = "Nước mắm Phú Quốc";
        assertTrue(detect(title, null, seller("An Giang")).isEmpty());
        assertTrue(detect(title, null, seller("Đặc khu Phú Quốc, An Giang")).isEmpty());
        assertTrue(detect(title, null, seller("KIEN GIANG")).isEmpty(), "former province still counts");
    }

    @Test
    void administrativePrefixOfTheProvinceIsIgnored() {
        assertTrue(detect("Hồ tiêu Bà Rịa - Vũng Tàu", null, seller("Hồ Chí Minh")).isEmpty());
        assertEquals(1, detect("Hồ tiêu Bà Rịa - Vũng Tàu", null, seller("Đồng Nai")).size());
    }

    @Test
    void placeNameWithoutTheProductIsNotFlagged() {
        assertTrue(detect("Khách sạn Phú Quốc view biển", "Gần chợ đêm Phú Quốc", seller("Hà Nội")).isEmpty());
    }

    @Test
    void aNameThatCarriesItsProductIsTheMostSpecificMatch() {
        // "Dâu tây Đà Lạt" contains "dâu tây": the whole registered name is the match, not "Đà Lạt" + "dâu tây"
        List<Finding> findings = detect("Dâu tây Đà Lạt tươi", null, seller("Hà Nội"));
        assertEquals(1, findings.size());
        assertEquals(FindingKind.CERTIFICATION_MARK, findings.get(0).kind());
        assertEquals("indication 'Dâu tây Đà Lạt' (its product 'dâu tây' is part of the name) in the title",
                findings.get(0).reasons().get(0));
        assertTrue(findings.get(0).reasons().get(2).endsWith("the registry lists no authorised producers for it yet"));
    }

    @Test
    void authorisedProducerIsNotFlagged() {
        assertTrue(detect("Nước mắm Phú Quốc", null, new Seller("123", "HƯNG THÀNH", "Hà Nội")).isEmpty());
        assertTrue(detect("Nước mắm Phú Quốc", null, new Seller("hung thanh", null, "Hà Nội")).isEmpty());
    }

    @Test
    void textWithoutDiacriticsOrDecomposedIsStillMatched() {
        assertEquals(1, detect("nuoc mam phu quoc loai 1", null, seller("Ha Noi")).size());
        String nfd = Normalizer.normalize("Nước mắm Phú Quốc", Normalizer.Form.NFD);
        assertEquals(1, detect(nfd, null, seller("Hà Nội")).size());
        assertTrue(detect(nfd, null, seller(Normalizer.normalize("Kiên Giang", Normalizer.Form.NFD))).isEmpty());
    }

    @Test
    void unknownLocationIsNotFlaggedByDefault() {
        assertTrue(new IndicationDetector().detect(new Listing(null, "https://shop.example/p/9", "test",
                "Nước mắm Phú Quốc", null, null, null, seller(null), null, null, null, null, null, null),
                CONTEXT).isEmpty());
    }

    private final IndicationDetector flaggingUnknown = new IndicationDetector(new IndicationSettings(0.7, 0.5, true,
            0.1, IndicationSettings.DEFAULTS.qualifiersBefore(), IndicationSettings.DEFAULTS.qualifiersAfter(),
            IndicationSettings.DEFAULTS.otherUseCues(), IndicationSettings.DEFAULTS.locationAliases()));

    @Test
    void unknownLocationIsFlaggedWithALowerScoreWhenConfiguredAndSaysSo() {
        Finding finding = detectFlagging("Nước mắm Phú Quốc", null, seller(null)).get(0);
        assertEquals(0.5, finding.score(), 1e-9);
        assertEquals("seller location unknown, so it cannot be checked against the registered region "
                + "An Giang (Phú Quốc, Kiên Giang)", finding.reasons().get(1));
        assertEquals(0.5, detectFlagging("Nước mắm Phú Quốc", null, seller("  ")).get(0).score(), 1e-9);
    }

    private List<Finding> detectFlagging(String title, String description, Seller seller) {
        Listing listing = new Listing(null, "https://shop.example/p/1", "test", title, description, null, null,
                seller, null, null, null, null, null, null);
        return flaggingUnknown.detect(listing, CONTEXT);
    }

    @Test
    void nameInTheTitleAndProductInTheDescriptionAreCombined() {
        Finding finding = detect("Đặc sản Phú Quốc", "Nước mắm nhĩ truyền thống", seller("Hà Nội")).get(0);
        assertEquals("indication 'Phú Quốc' in the title with product 'nước mắm' in the description",
                finding.reasons().get(0));
    }

    @Test
    void configuredScoresAreUsed() {
        IndicationDetector tuned = new IndicationDetector(new IndicationSettings(0.9, 0.3, true, 0.1,
                IndicationSettings.DEFAULTS.qualifiersBefore(), IndicationSettings.DEFAULTS.qualifiersAfter(),
                IndicationSettings.DEFAULTS.otherUseCues(), IndicationSettings.DEFAULTS.locationAliases()));
        Listing listing = new Listing(null, "https://shop.example/p/2", "test", "Fish sauce Phu Quoc", null, null,
                null, Seller.UNKNOWN, null, null, null, null, null, null);
        Finding finding = tuned.detect(listing, CONTEXT).get(0);
        assertEquals(0.3, finding.score(), 1e-9);
        assertTrue(finding.reasons().get(2).startsWith("the seller is unknown"));
    }

    private static final Indication DA_LAT_FLOWERS = new Indication("da-lat-flowers", FindingKind.CERTIFICATION_MARK,
            List.of("Hoa Đà Lạt", "Đà Lạt"), List.of("hoa", "lan", "flowers"),
            new Indication.Region("Lâm Đồng", List.of("Đà Lạt")), List.of(), "");
    private static final Indication DA_LAT_PRODUCE = new Indication("da-lat-produce", FindingKind.CERTIFICATION_MARK,
            List.of("Đà Lạt"), List.of("rau", "hoa", "vegetables"),
            new Indication.Region("Lâm Đồng", List.of("Đà Lạt")), List.of(), "");

    private List<Finding> detectWith(DetectionContext context, String title, Seller seller) {
        Listing listing = new Listing(null, "https://shop.example/p/3", "test", title, null, null, null, seller, null,
                null, null, null, null, null);
        return detector.detect(listing, context);
    }

    @Test
    void twoEntriesOnTheSameWordsGiveOneFindingUnderTheMostSpecific() {
        DetectionContext context = () -> new Registries(List.of(), List.of(DA_LAT_PRODUCE, DA_LAT_FLOWERS));
        List<Finding> findings = detectWith(context, "Hoa Đà Lạt loại ngon", seller("Hà Nội"));
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("da-lat-flowers", findings.get(0).subject());
        assertTrue(findings.get(0).reasons().get(findings.get(0).reasons().size() - 1).contains("'da-lat-produce'"));
        assertEquals("da-lat-produce", detectWith(context, "Rau Đà Lạt sạch", seller("Hà Nội")).get(0).subject());
    }

    @Test
    void qualifiersStillInfringeAndSaySo() {
        Finding f = detect("Nước mắm kiểu Phú Quốc", null, seller("Hà Nội")).get(0);
        assertTrue(f.reasons().stream().anyMatch(r -> r.contains("qualifier 'kieu'")), f.reasons()::toString);
        Finding style = detect("Phu Quoc-style fish sauce", null, seller("Hà Nội")).get(0);
        assertTrue(style.reasons().stream().anyMatch(r -> r.contains("qualifier 'style'")), style.reasons()::toString);
    }

    @Test
    void placeNamesForSomethingElseAreNotFlagged() {
        assertTrue(detect("Tour Phú Quốc 3 ngày, tặng nước mắm", null, seller("Hà Nội")).isEmpty());
        assertTrue(detect("Khách sạn Phú Quốc gần biển", "Nước mắm miễn phí", seller("Hà Nội")).isEmpty());
    }

    @Test
    void theSellersProvinceAndAbbreviationsAreUsed() {
        Seller inProvince = new Seller("s", "s", "Dương Đông", "An Giang");
        assertTrue(detect("Nước mắm Phú Quốc", null, inProvince).isEmpty());
        Seller elsewhere = new Seller("s", "s", "Quận 1", "Hồ Chí Minh");
        Finding f = detect("Nước mắm Phú Quốc", null, elsewhere).get(0);
        assertTrue(f.reasons().get(1).contains("'Quận 1' (province Hồ Chí Minh)"), f.reasons()::toString);
        assertTrue(detect("Hồ tiêu Bà Rịa - Vũng Tàu", null, seller("TP.HCM")).isEmpty());
        assertTrue(detect("Nước mắm Phú Quốc", null, seller("Kiên Giang")).isEmpty());
    }
}
