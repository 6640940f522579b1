package org.markguard.index.elasticsearch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;
import org.markguard.api.Seller;

/** Assessed listings with Vietnamese text, with and without findings, for unit and integration tests. */
final class TestListings {
    static final Instant BASE_TIME = Instant.parse("2025-03-01T08:00:00Z");
    static final String[] PLATFORMS = {"shopee", "lazada", "tiktok"};

    /** Product titles; subject/kind set where a detector would flag the listing. */
    record Product(String title, String description, FindingKind kind, String subject) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("Nước mắm Phú Quốc 40 độ đạm", "Nước mắm truyền thống, chai 500ml",
                    FindingKind.GEOGRAPHICAL_INDICATION, "phu-quoc-fish-sauce"),
            new Product("Chè Thái Nguyên loại đặc biệt", "Trà búp khô, gói 200g",
                    FindingKind.GEOGRAPHICAL_INDICATION, "thai-nguyen-tea"),
            new Product("Cà phê Buôn Ma Thuột rang xay", "Cà phê nguyên chất",
                    FindingKind.GEOGRAPHICAL_INDICATION, "buon-ma-thuot-coffee"),
            new Product("Túi xách Gucci da thật", "Hàng xách tay, giá rẻ bất ngờ", FindingKind.TRADEMARK, "gucci"),
            new Product("Giày Nike Air Force 1", "Fullbox, bảo hành 1 đổi 1", FindingKind.TRADEMARK, "nike"),
            new Product("Bưởi da xanh Bến Tre", "Trái to, ngọt", null, null),
            new Product("Đồng hồ thời trang nam", "Dây da, chống nước", null, null),
            new Product("Vải thiều Thanh Hà", "Đặc sản Hải Dương", FindingKind.GEOGRAPHICAL_INDICATION,
                    "thanh-ha-lychee"),
            new Product("Áo thun cotton basic", "Nhiều màu", null, null),
            new Product("Nhãn lồng Hưng Yên", "Thu hoạch tháng 7", FindingKind.COLLECTIVE_MARK, "hung-yen-longan"));

    private TestListings() {
    }

    /** Listing i of a deterministic set: products cycle, platforms cycle, two listings share each minute. */
    static AssessedListing listing(int i) {
        Product p = PRODUCTS.get(i % PRODUCTS.size());
        String platform = PLATFORMS[i % PLATFORMS.length];
        Listing listing = new Listing(null, "https://" + platform + ".vn/product/" + i, platform,
                p.title() + " #" + i, p.description(),
                new BigDecimal(i % 4 == 0 ? "125000" : "99000.50"), "VND",
                new Seller("seller-" + (i % 7), "Cửa hàng Đặc sản Miền Tây " + (i % 7), "Cần Thơ"),
                List.of("https://cdn.example/img/" + i + ".jpg"),
                BASE_TIME.plusSeconds(60L * (i / 2)),
                Listing.sha256Hex(("page" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "JSON-LD", Map.of("title", "JSON-LD", "price", "MICRODATA"),
                i % 5 == 0 ? List.of("no description") : List.of());
        List<Finding> findings = new ArrayList<>();
        if (p.kind() != null && (i / PRODUCTS.size()) % 2 == 0) { // rounds 0, 2, 4 are flagged
            findings.add(new Finding("test-detector", "1.0.0", p.kind(), p.subject(), 0.8,
                    List.of("title names " + p.subject()),
                    List.of(new EvidenceSpan("title", 0, 5, p.title().substring(0, 5)))));
        }
        return new AssessedListing(listing, findings, findings.isEmpty() ? 0.0 : 0.8);
    }

    static List<AssessedListing> listings(int count) {
        List<AssessedListing> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(listing(i));
        }
        return all;
    }
}
