package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.ListingQuery;
import org.markguard.api.Seller;

/** Which listings a packet holds: by id (unknown ids fail it, leaving no zip), by seller, by search; and the limits. */
class ListingSelectionTest {
    @TempDir
    Path dir;
    Fixture fixture;
    EvidenceExporter exporter;
    List<AssessedListing> hungThinh = new ArrayList<>();
    List<AssessedListing> other = new ArrayList<>();

    @BeforeEach
    void listings() throws Exception {
        fixture = new Fixture(dir);
        Seller a = new Seller("hungthinh", "Cơ sở Hưng Thịnh", "Hà Nội");
        Seller b = new Seller("baotin", "Bảo Tín Store", "TP.HCM");
        hungThinh.add(fixture.listing(1, "Nước mắm Phú Quốc 40 độ đạm", a, Fixture.html("1")));
        other.add(fixture.listing(2, "Nước mắm Phú Quốc cao đạm", b, null));
        hungThinh.add(fixture.listing(3, "Tiêu đen Phú Quốc", a, null));
        other.add(fixture.listing(4, "Bưởi Năm Roi", b, Fixture.html("4")));
        exporter = fixture.exporter(null);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void unknownIdsFailThePacketNamingThemAndLeaveNoZip() throws Exception {
        String known = hungThinh.get(0).listing().id();
        EvidenceStatus status = build(new EvidenceRequest(List.of(known, "no-such-listing", "another-one"), null, null,
                false, null, null));
        assertEquals(EvidenceStatus.FAILED, status.state());
        assertEquals("unknown listing ids: 'no-such-listing', 'another-one'", status.message());
        assertTrue(exporter.packet(status.id()).isEmpty());
        try (Stream<Path> files = Files.list(dir.resolve("evidence"))) {
            assertEquals(List.of(status.id() + ".json"), files.map(p -> p.getFileName().toString()).toList(),
                    "only the FAILED status is left");
        }
        assertEquals(List.of("export.requested", "export.failed"), fixture.audit.actionsFor(status.id()));
        assertEquals(EvidenceStatus.FAILED, fixture.exporter(null).status(status.id()).orElseThrow().state(),
                "a failure is remembered after a restart too");
    }

    @Test
    void aSellerPacketHoldsEveryListingOfThatSellerThroughAScan() throws Exception {
        EvidenceStatus status = build(new EvidenceRequest(null, "shopee:hungthinh", null, false, null, null));
        assertEquals(EvidenceStatus.READY, status.state(), status::toString);
        assertEquals(ids(hungThinh), packetIds(status));
        assertEquals("shopee:hungthinh", fixture.store.scans.get(0).filters().sellerKey());
        String bagInfo = new String(Fixture.read(exporter.packet(status.id()).orElseThrow(), "bag-info.txt"));
        assertTrue(bagInfo.contains("Bag-Group-Identifier: shopee:hungthinh\n"), bagInfo);
    }

    @Test
    void aSearchPacketHoldsEveryMatch() throws Exception {
        ListingQuery query = new ListingQuery("nuoc mam", true, null, null, "shopee", 20, "cursor-ignored");
        EvidenceStatus status = build(new EvidenceRequest(null, null, query, false, null, null));
        assertEquals(EvidenceStatus.READY, status.state(), status::toString);
        assertEquals(List.of(hungThinh.get(0).listing().id(), other.get(0).listing().id()), packetIds(status));
        assertEquals(ListingQuery.MAX_SIZE, fixture.store.scans.get(0).size());
    }

    @Test
    void aSearchWithoutMatchesFails() throws Exception {
        EvidenceStatus status = build(new EvidenceRequest(null, null,
                new ListingQuery("rượu vang", null, null, null, null, 50, null), false, null, null));
        assertEquals(EvidenceStatus.FAILED, status.state());
        assertTrue(status.message().startsWith("no listing to put in the packet"), status.message());
        assertTrue(exporter.packet(status.id()).isEmpty());
    }

    @Test
    void moreThanTheLimitFails() throws Exception {
        for (int i = 0; i < EvidenceRequest.MAX_LISTINGS; i++) {
            fixture.listing(100 + i, "Nước mắm Phú Quốc " + i, new Seller("bulk", "Bulk", null), null);
        }
        EvidenceStatus status = build(new EvidenceRequest(null, null,
                new ListingQuery("nuoc mam", null, null, null, null, 50, null), false, null, null));
        assertEquals(EvidenceStatus.FAILED, status.state());
        assertEquals("the search matches 1002 listings; a packet holds at most 1000: narrow it down", status.message());
        assertFalse(Files.exists(dir.resolve("evidence").resolve(status.id() + ".zip")));
    }

    @Test
    void aMalformedRequestIsRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> exporter.export(
                new EvidenceRequest(null, "no-platform", null, false, null, null), "lan"));
        assertThrows(IllegalArgumentException.class, () -> exporter.export(
                new EvidenceRequest(List.of("x"), null, null, false, null, null), " "));
        assertTrue(exporter.list().isEmpty());
    }

    private EvidenceStatus build(EvidenceRequest request) {
        return Fixture.await(exporter, exporter.export(request, "lan.nguyen").id());
    }

    private List<String> packetIds(EvidenceStatus status) throws Exception {
        JsonNode packet = Json.MAPPER.readTree(Fixture.read(exporter.packet(status.id()).orElseThrow(), "data/packet.json"));
        List<String> ids = new ArrayList<>();
        packet.get("listings").forEach(l -> ids.add(l.get("id").asText()));
        return ids;
    }

    private static List<String> ids(List<AssessedListing> listings) {
        return listings.stream().map(a -> a.listing().id()).toList();
    }
}
