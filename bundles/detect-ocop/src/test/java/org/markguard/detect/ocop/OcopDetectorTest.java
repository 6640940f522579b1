package org.markguard.detect.ocop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.FindingKind;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.Registries;
import org.markguard.api.Seller;

class OcopDetectorTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-10-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Seller SHOP = new Seller("shop-1", "Shop Một", "Hà Nội");
    private final OcopDetector detector = new OcopDetector(NOW, new OcopDetector.State(sample(), true, 36, 0.75,
            0.6, 0.7, 0.6));

    private static OcopList sample() {
        try (InputStream in = OcopDetectorTest.class.getResourceAsStream("/ocop-sample.json")) {
            return OcopList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "ocop-sample.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Finding> detect(String title, String description) {
        Listing listing = new Listing(null, "https://shop.example/p/1", "test", title, description, null, null, SHOP,
                null, null, null, null, null, null);
        return detector.detect(listing, () -> Registries.EMPTY);
    }

    @Test
    void aClaimForAProductNotInTheListIsFlagged() {
        Finding f = detect("Nước mắm nhà làm đặc biệt OCOP 4 sao", null).get(0);
        assertEquals(FindingKind.OTHER, f.kind());
        assertEquals("ocop:unlisted", f.subject());
        assertEquals("ocop", f.detectorId());
        assertTrue(f.reasons().get(0).startsWith("claims 'OCOP 4 sao' but no product"), f.reasons()::toString);
        assertEquals("OCOP 4 sao", f.spans().get(0).text());
    }

    @Test
    void aValidCertificateIsNotFlagged() {
        assertTrue(detect("Nước mắm cá cơm Hải Đảo Xanh - sản phẩm OCOP 4 sao", null).isEmpty());
        assertTrue(detect("Nuoc mam ca com Hai Dao Xanh chai 500ml", "Dat chuan OCOP").isEmpty());
    }

    @Test
    void anExpiredCertificateOrMoreStarsAreFlagged() {
        Finding expired = detect("Trà shan tuyết Mây Trắng OCOP 3 sao", null).get(0);
        assertEquals("ocop:sample-tra-shan-tuyet-may-trang", expired.subject());
        assertTrue(expired.reasons().get(0).contains("expired on 2023-09-01"), expired.reasons()::toString);
        Finding more = detect("Mật ong hoa Ban Mẫu 5 sao OCOP", null).get(0);
        assertTrue(more.reasons().get(0).startsWith("claims 5 stars"), more.reasons()::toString);
    }

    @Test
    void noClaimNoFindingAndAnUnreadableListFlagsNothing() {
        assertTrue(detect("Nước mắm nhà làm", "ngon").isEmpty());
        OcopDetector unloaded = new OcopDetector(NOW);
        Listing listing = new Listing(null, "https://shop.example/p/2", "test", "Mắm OCOP 5 sao", null, null, null,
                SHOP, null, null, null, null, null, null);
        assertTrue(unloaded.detect(listing, () -> Registries.EMPTY).isEmpty());
    }

    @Test
    void theJsonReaderRejectsBadEntries() {
        try {
            OcopList.parse("{\"products\":[{\"id\":\"x\",\"name\":\"y\",\"stars\":7,\"certifiedOn\":\"2024-01-01\"}]}",
                    "t");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("stars must be 1..5"));
            return;
        }
        throw new AssertionError("accepted 7 stars");
    }
}
