package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.HttpExchange;
import org.markguard.api.Seller;
import org.markguard.evidence.PacketVerifier;
import org.markguard.evidence.TimeStampClient;
import org.markguard.evidence.TsaForTests;
import org.markguard.evidence.VerificationReport;

/** Time-stamping (a real local RFC 3161 authority, and one that fails), recaptures, and no renderer. */
class SealingAndRecaptureTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredAuthorityTimeStampsThePacket() throws Exception {
        try (Fixture fixture = new Fixture(dir); TsaForTests tsa = TsaForTests.start(dir.resolve("tsa"))) {
            AssessedListing listing = fixture.listing(1, "Nước mắm Phú Quốc", new Seller("s", "Shop", null), null);
            EvidenceExporter exporter = fixture.exporter(null, new TimeStampClient(tsa.url(), Duration.ofSeconds(30)),
                    tsa.url().toString(), 1 << 20);
            EvidenceStatus status = export(exporter, new EvidenceRequest(List.of(listing.listing().id()), null, null,
                    false, null, null));
            assertEquals(EvidenceStatus.READY, status.state(), status::toString);
            Path zip = exporter.packet(status.id()).orElseThrow();
            VerificationReport report = PacketVerifier.forEvidencePackets()
                    .trustingTsaCertificates(List.of(tsa.caCertificate())).verify(zip);
            assertTrue(report.ok(), report::toString);
            assertTrue(Fixture.entries(zip).contains("markguard-evidence.tsr"));
            JsonNode stamped = lastEvents(fixture, status).get(2);
            assertEquals("time-stamped", stamped.get("event").asText());
            Instant genTime = Instant.parse(stamped.get("genTime").asText());
            assertTrue(Duration.between(genTime, Instant.now()).abs().toMinutes() < 10, genTime::toString);
        }
    }

    @Test
    void anAuthorityThatFailsLeavesASignedPacketThatSaysSo() throws Exception {
        try (Fixture fixture = new Fixture(dir)) {
            AssessedListing listing = fixture.listing(1, "Nước mắm Phú Quốc", new Seller("s", "Shop", null), null);
            EvidenceExporter exporter = fixture.exporter(null, sha256 -> {
                throw new IOException("time-stamping authority https://tsa.example answered HTTP 503");
            }, "https://tsa.example", 1 << 20);
            EvidenceStatus status = export(exporter, new EvidenceRequest(List.of(listing.listing().id()), null, null,
                    false, null, null));
            assertEquals(EvidenceStatus.READY, status.state(), status::toString);
            assertTrue(status.message().contains("not time-stamped: time-stamping authority https://tsa.example answered"
                    + " HTTP 503"), status.message());
            Path zip = exporter.packet(status.id()).orElseThrow();
            assertTrue(PacketVerifier.forEvidencePackets().verify(zip).ok());
            assertFalse(Fixture.entries(zip).contains("markguard-evidence.tsr"));
            assertEquals("time-stamp.failed", lastEvents(fixture, status).get(2).get("event").asText());
        }
    }

    @Test
    void recapturesAreRealCapturesAndWhatCannotBeFetchedIsNoted() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = Fixture.html("Nước mắm Phú Quốc, còn bán").getBytes(StandardCharsets.UTF_8);
        server.createContext("/p/online", e -> {
            e.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            e.sendResponseHeaders(200, page.length);
            e.getResponseBody().write(page);
            e.close();
        });
        server.createContext("/p/gone", e -> {
            e.sendResponseHeaders(404, -1);
            e.close();
        });
        server.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Fixture fixture = new Fixture(dir)) {
            Seller seller = new Seller("s", "Shop", null);
            AssessedListing online = fixture.listing(1, base + "/p/online", "Nước mắm Phú Quốc", seller, null);
            AssessedListing gone = fixture.listing(2, base + "/p/gone", "Nước mắm Phú Quốc", seller, null);
            AssessedListing offline = fixture.listing(3, "http://127.0.0.1:" + closedPort + "/p/x", "Nước mắm", seller, null);
            EvidenceExporter exporter = fixture.exporter(new Fakes.Renderer(html -> Fixture.png(3, 10)));
            EvidenceStatus status = export(exporter, new EvidenceRequest(List.of(online.listing().id(),
                    gone.listing().id(), offline.listing().id()), null, null, true, null, null));
            assertEquals(EvidenceStatus.READY, status.state(), status::toString);
            Path zip = exporter.packet(status.id()).orElseThrow();
            assertTrue(PacketVerifier.forEvidencePackets().verify(zip).ok());

            JsonNode listings = Json.MAPPER.readTree(Fixture.read(zip, "data/packet.json")).get("listings");
            assertTrue(listings.get(0).get("files").has("recapture"));
            assertEquals("recapture", listings.get(0).get("screenshotRenderedFrom").asText(),
                    "without a capture of its own, the listing's screenshot is made from the recapture");
            assertEquals(404, listings.get(1).get("recapture").get("status").asInt());
            assertTrue(listings.get(1).get("notes").get(0).asText().contains("HTTP 404"));
            assertTrue(listings.get(1).get("missing").get("screenshot").asText().contains("not an HTML page"));
            String notFetched = listings.get(2).get("missing").get("recapture").asText();
            assertTrue(notFetched.startsWith("not recaptured: http://127.0.0.1:" + closedPort + "/p/x did not answer"),
                    notFetched);

            // the recapture went through the capture store: a real capture with the bytes served
            JsonNode stored = PacketContentsTest.custody(new String(Fixture.read(zip, "data/chain-of-custody.jsonl"),
                    StandardCharsets.UTF_8)).stream().filter(l -> l.get("event").asText().equals("recapture.stored"))
                    .findFirst().orElseThrow();
            HttpExchange exchange = fixture.captures.read(stored.get("captureRef").asText()).orElseThrow();
            assertEquals(base + "/p/online", exchange.url());
            assertEquals(new String(page, StandardCharsets.UTF_8), new String(exchange.body(), StandardCharsets.UTF_8));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutARendererThePacketSaysSo() throws Exception {
        try (Fixture fixture = new Fixture(dir)) {
            AssessedListing listing = fixture.listing(1, "Nước mắm Phú Quốc", new Seller("s", "Shop", null),
                    Fixture.html("Nước mắm"));
            EvidenceExporter exporter = fixture.exporter(null);
            EvidenceStatus status = export(exporter, new EvidenceRequest(List.of(listing.listing().id()), null, null,
                    false, null, null));
            assertEquals(EvidenceStatus.READY, status.state(), status::toString);
            assertTrue(status.message().contains("screenshot not available: no renderer"), status.message());
            JsonNode packet = Json.MAPPER.readTree(Fixture.read(exporter.packet(status.id()).orElseThrow(),
                    "data/packet.json"));
            assertTrue(packet.get("listings").get(0).get("missing").get("screenshot").asText()
                    .startsWith("screenshot not available: no renderer"));
        }
    }

    private static EvidenceStatus export(EvidenceExporter exporter, EvidenceRequest request) {
        return Fixture.await(exporter, exporter.export(request, "lan.nguyen").id());
    }

    /** The custody events after the packet's own log: sealed, signed, then the time stamp (or its failure). */
    private static List<JsonNode> lastEvents(Fixture fixture, EvidenceStatus status) throws Exception {
        Path full = fixture.dir.resolve("evidence").resolve(status.id() + ".custody.jsonl");
        List<JsonNode> lines = PacketContentsTest.custody(Files.readString(full));
        int sealed = 0;
        while (!lines.get(sealed).get("event").asText().equals("sealed")) {
            sealed++;
        }
        return lines.subList(sealed, lines.size());
    }
}
