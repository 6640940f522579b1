package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.Seller;

/** The reports, read back by an independent tool (pdftotext): the facts an officer needs, in Vietnamese and English. */
class ReportTextTest {
    static final String SELLER = "Cơ sở Nước mắm Hưng Thịnh";

    @TempDir
    static Path dir;
    static Fixture fixture;
    static AssessedListing listing;
    static String captureSha256;
    static String screenshotSha256;
    static String vietnamese;
    static String english;

    @BeforeAll
    static void buildPacket() throws Exception {
        fixture = new Fixture(dir);
        listing = fixture.listing(1, "Nước mắm Phú Quốc 40 độ đạm", new Seller("hungthinh", SELLER, "Hà Nội"),
                Fixture.html("Nước mắm Phú Quốc"));
        byte[] png = Fixture.png(2, 60);
        EvidenceExporter exporter = fixture.exporter(new Fakes.Renderer(html -> png));
        EvidenceRequest request = new EvidenceRequest(List.of(listing.listing().id()), null, null, false,
                List.of("vi", "en"), "Theo đề nghị của Đội QLTT số 3");
        EvidenceStatus status = Fixture.await(exporter, exporter.export(request, "lan.nguyen").id());
        assertEquals(EvidenceStatus.READY, status.state(), status::toString);
        Path zip = exporter.packet(status.id()).orElseThrow();
        JsonNode files = Json.MAPPER.readTree(Fixture.read(zip, "data/packet.json")).get("listings").get(0).get("files");
        captureSha256 = files.get("capture").get("sha256").asText();
        screenshotSha256 = files.get("screenshot").get("sha256").asText();
        vietnamese = text(zip, "data/report-vi.pdf");
        english = text(zip, "data/report-en.pdf");
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void theVietnameseReportHasTheFacts() {
        for (String expected : List.of(listing.listing().url(), SELLER, Fixture.REASON, captureSha256, screenshotSha256,
                "Thông tin chung", "Tên người bán", "Thời điểm thu thập", "Dấu hiệu nghi vấn", "Người yêu cầu",
                "lan.nguyen", "Theo đề nghị của Đội QLTT số 3", "Đã xác nhận vi phạm", "thanh.tra", "45.000 VND",
                "2025-03-04 05:06:07 UTC", "Ảnh chụp trang", "1 tin đăng được chọn theo mã")) {
            assertTrue(vietnamese.contains(expected), "report-vi.pdf lacks '" + expected + "':\n" + vietnamese);
        }
        assertFalse(vietnamese.contains("Case summary"));
    }

    @Test
    void theEnglishReportHasEnglishLabels() {
        for (String expected : List.of("Case summary", "Seller name", "Capture time", "Findings", "Requested by",
                "Latest review decision", "Confirmed infringement", "Screenshot", listing.listing().url(), SELLER,
                captureSha256, "45,000 VND", "listings chosen by id (1)")) {
            assertTrue(english.contains(expected), "report-en.pdf lacks '" + expected + "':\n" + english);
        }
        assertFalse(english.contains("Thông tin chung"));
    }

    private static String text(Path zip, String pdf) throws Exception {
        Path file = dir.resolve(Path.of(pdf).getFileName());
        Files.write(file, Fixture.read(zip, pdf));
        return Normalizer.normalize(Poppler.text(file), Normalizer.Form.NFC);
    }
}
