package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.Seller;
import org.markguard.evidence.EvidenceKeys;
import org.markguard.evidence.PacketVerifier;
import org.markguard.evidence.VerificationReport;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A packet of three listings (one with a screenshot, one whose rendering fails, one without a
 * capture) builds to READY, verifies, holds the documented files, and says why what is missing is
 * missing; its custody log names every capture; it is listed again after a restart.
 */
class PacketContentsTest {
    static final String SELLER = "Cơ sở Nước mắm Hưng Thịnh";

    @TempDir
    static Path dir;
    static Fixture fixture;
    static EvidenceExporter exporter;
    static AssessedListing withScreenshot;
    static AssessedListing renderingFails;
    static AssessedListing withoutCapture;
    static byte[] screenshot;
    static EvidenceStatus status;
    static Path zip;

    @BeforeAll
    static void buildPacket() throws Exception {
        fixture = new Fixture(dir);
        screenshot = Fixture.png(1, 40);
        Seller seller = new Seller("hungthinh", SELLER, "Hà Nội", "Hà Nội");
        withScreenshot = fixture.listing(1, "Nước mắm Phú Quốc 40 độ đạm", seller, Fixture.html("Nước mắm Phú Quốc"));
        renderingFails = fixture.listing(2, "Nước mắm Phú Quốc chai 500ml", seller, Fixture.html("slow page"));
        withoutCapture = fixture.listing(3, "Nước mắm Phú Quốc loại 1", seller, null);
        exporter = fixture.exporter(new Fakes.Renderer(html -> {
            if (html.contains("slow page")) {
                throw new IllegalStateException("screenshot took longer than 30000 ms");
            }
            return screenshot;
        }));
        EvidenceRequest request = new EvidenceRequest(List.of(withScreenshot.listing().id(),
                renderingFails.listing().id(), withoutCapture.listing().id()), null, null, false,
                List.of("vi", "en"), "Hồ sơ vụ việc số 12/QLTT");
        EvidenceStatus started = exporter.export(request, "lan.nguyen");
        assertEquals(EvidenceStatus.RUNNING, started.state());
        assertTrue(started.id().matches("mg-\\d{8}-\\d{6}-[0-9a-f]{6}"), started.id());
        status = Fixture.await(exporter, started.id());
        zip = exporter.packet(status.id()).orElse(null);
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void thePacketIsReadyAndVerifies() throws Exception {
        assertEquals(EvidenceStatus.READY, status.state(), status::toString);
        assertEquals(3, status.total());
        assertEquals(3, status.done());
        assertNotNull(zip);
        assertEquals(Files.size(zip), status.bytes());
        assertEquals(sha256(Files.readAllBytes(zip)), status.sha256());
        assertTrue(status.message().contains("1 of 3 listings without capture"), status.message());
        assertTrue(status.message().contains("2 of 3 listings without screenshot"), status.message());

        VerificationReport report = PacketVerifier.forEvidencePackets()
                .expectingKey(EvidenceKeys.parsePublicKey(exporter.publicKeyPem())).verify(zip);
        assertTrue(report.ok(), report::toString);
        assertEquals(List.of("export.requested", "export.ready"), fixture.audit.actionsFor(status.id()));
        assertTrue(fixture.audit.events.get(0).detail().contains("3 listings by id"), fixture.audit.events.get(0).detail());
    }

    @Test
    void theZipHoldsTheDocumentedFiles() throws Exception {
        Set<String> expected = new TreeSet<>(Set.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                "manifest-sha512.txt", "markguard-evidence-key.pub", "tagmanifest-sha256.txt",
                "tagmanifest-sha512.txt", "markguard-evidence.sig",
                "data/packet.json", "data/chain-of-custody.jsonl", "data/report-vi.pdf", "data/report-en.pdf"));
        for (AssessedListing a : List.of(withScreenshot, renderingFails, withoutCapture)) {
            expected.add(folder(a) + "listing.json");
            expected.add(folder(a) + "reviews.json");
        }
        expected.add(folder(withScreenshot) + "capture.warc.gz");
        expected.add(folder(withScreenshot) + "screenshot.png");
        expected.add(folder(renderingFails) + "capture.warc.gz");
        assertEquals(expected, new TreeSet<>(Fixture.entries(zip)));

        assertArrayEquals(screenshot, Fixture.read(zip, folder(withScreenshot) + "screenshot.png"));
        String bagInfo = new String(Fixture.read(zip, "bag-info.txt"), StandardCharsets.UTF_8);
        assertTrue(bagInfo.contains("Contact-Name: lan.nguyen\n"), bagInfo);
        assertTrue(bagInfo.contains("Source-Organization: Chi cục Quản lý thị trường (thử nghiệm)\n"), bagInfo);
        assertTrue(bagInfo.contains("External-Description: markguard evidence packet: 3 listings by id"), bagInfo);
    }

    @Test
    void theListingFilesAreTheStoredDataAndTheCaptureItsOwnWarc() throws Exception {
        JsonNode listing = Json.MAPPER.readTree(Fixture.read(zip, folder(withScreenshot) + "listing.json"));
        assertEquals(withScreenshot.listing().url(), listing.get("url").asText());
        assertEquals(SELLER, listing.get("seller").get("name").asText());
        assertEquals(Fixture.REASON, listing.get("findings").get(0).get("reasons").get(0).asText());
        assertEquals("title", listing.get("findings").get(0).get("spans").get(0).get("field").asText());
        assertEquals("CONFIRMED", listing.get("review").get("status").asText());
        assertEquals("shopee:hungthinh", listing.get("sellerKey").asText());
        assertEquals(45000, listing.get("price").asInt());
        JsonNode reviews = Json.MAPPER.readTree(Fixture.read(zip, folder(withScreenshot) + "reviews.json"));
        assertEquals("thanh.tra", reviews.get(0).get("reviewer").asText());

        Path warc = dir.resolve("capture.warc.gz");
        Files.write(warc, Fixture.read(zip, folder(withScreenshot) + "capture.warc.gz"));
        List<WarcRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            reader.forEach(records::add);
        }
        assertEquals(List.of("warcinfo", "response", "request"), records.stream().map(WarcRecord::type).toList());
        assertEquals(withScreenshot.listing().url(), ((WarcResponse) records.get(1)).target());
    }

    @Test
    void theCustodyLogNamesEveryCapture() throws Exception {
        List<JsonNode> lines = custody(new String(Fixture.read(zip, "data/chain-of-custody.jsonl"), StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i + 1, lines.get(i).get("seq").asInt());
            Instant.parse(lines.get(i).get("at").asText()); // UTC ISO-8601
        }
        JsonNode requested = lines.get(0);
        assertEquals("requested", requested.get("event").asText());
        assertEquals("lan.nguyen", requested.get("user").asText());
        assertEquals("Hồ sơ vụ việc số 12/QLTT", requested.get("note").asText());
        assertEquals(3, requested.get("request").get("listingIds").size());

        Set<String> copied = new TreeSet<>();
        for (JsonNode line : lines) {
            if (line.get("event").asText().equals("capture.copied")) {
                copied.add(line.get("captureRef").asText());
                assertEquals("2025-03-04T05:06:07.890Z", line.get("fetchTime").asText());
                assertEquals("203.0.113.7", line.get("ip").asText());
                String path = line.get("path").asText();
                assertEquals(sha256(Fixture.read(zip, path)), line.get("sha256").asText(), path);
            }
        }
        assertEquals(new TreeSet<>(Set.of(withScreenshot.listing().captureRef(), renderingFails.listing().captureRef())), copied);
        List<String> events = lines.stream().map(l -> l.get("event").asText()).toList();
        assertTrue(events.contains("capture.missing"), events::toString);
        assertEquals(1, events.stream().filter("screenshot.rendered"::equals).count(), events::toString);
        assertEquals(2, events.stream().filter("screenshot.missing"::equals).count(), events::toString);
        assertEquals(2, events.stream().filter("report.written"::equals).count(), events::toString);
        assertEquals("sealing", events.get(events.size() - 1));

        // beside the packet, the same log goes on with the events that seal it
        String full = Files.readString(dir.resolve("evidence").resolve(status.id() + ".custody.jsonl"));
        String inPacket = new String(Fixture.read(zip, "data/chain-of-custody.jsonl"), StandardCharsets.UTF_8);
        assertTrue(full.startsWith(inPacket));
        List<JsonNode> after = custody(full.substring(inPacket.length()));
        assertEquals(List.of("sealed", "signed", "zip.written"), after.stream().map(l -> l.get("event").asText()).toList());
        assertEquals(sha512(Fixture.read(zip, "tagmanifest-sha512.txt")), after.get(0).get("tagManifestSha512").asText());
        assertEquals(exporter.keyFingerprint(), after.get(1).get("keyFingerprint").asText());
        assertEquals(status.sha256(), after.get(2).get("sha256").asText());
    }

    @Test
    void packetJsonSaysWhyAFileIsMissing() throws Exception {
        JsonNode packet = Json.MAPPER.readTree(Fixture.read(zip, "data/packet.json"));
        assertEquals(status.id(), packet.get("id").asText());
        assertEquals("lan.nguyen", packet.get("requestedBy").asText());
        assertEquals(exporter.keyFingerprint(), packet.get("publicKeyFingerprint").asText());
        assertEquals(3, packet.get("listingCount").asInt());
        JsonNode listings = packet.get("listings");
        assertEquals(withScreenshot.listing().id(), listings.get(0).get("id").asText());
        assertEquals(sha256(screenshot), listings.get(0).get("files").get("screenshot").get("sha256").asText());
        assertTrue(listings.get(0).get("missing").isEmpty());

        String failed = listings.get(1).get("missing").get("screenshot").asText();
        assertTrue(failed.startsWith("screenshot not available: rendering failed: screenshot took longer"), failed);
        assertFalse(listings.get(1).get("missing").has("capture"));
        String noCapture = listings.get(2).get("missing").get("capture").asText();
        assertTrue(noCapture.startsWith("capture not available: the listing has no capture reference"), noCapture);
        String nothingToRender = listings.get(2).get("missing").get("screenshot").asText();
        assertTrue(nothingToRender.startsWith("screenshot not available: there is no capture"), nothingToRender);
    }

    @Test
    void aReadyPacketIsListedAgainAfterARestart() throws Exception {
        EvidenceExporter restarted = fixture.exporter(null);
        assertEquals(exporter.keyFingerprint(), restarted.keyFingerprint(), "the key is created once, then loaded");
        EvidenceStatus again = restarted.status(status.id()).orElseThrow();
        assertEquals(status, again);
        assertEquals(zip, restarted.packet(status.id()).orElseThrow());
        assertTrue(restarted.list().stream().anyMatch(s -> s.id().equals(status.id())));
        assertTrue(restarted.status("../../etc/passwd").isEmpty());
        assertTrue(restarted.packet("mg-20250101-000000-000000").isEmpty());
    }

    static String folder(AssessedListing a) {
        return "data/listings/" + a.listing().id() + "/";
    }

    static List<JsonNode> custody(String text) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(Json.MAPPER.readTree(line));
            }
        }
        return lines;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String sha512(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }
}
