package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.markguard.evidence.TsaForTests;

/**
 * Evidence packets on the real stack (a time-stamping authority of its own, made with openssl),
 * checked by tools no one here wrote: ./markguard verify, bagit-java, jwarc, warcio.js,
 * openssl ts -verify and pdftotext; one flipped byte is caught and named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceIT {
    Launcher server;
    DemoMarketplace demo;
    TsaForTests tsa;
    Api admin;
    Api enforcement;
    Path work;
    Path zip;
    Path bag;
    JsonNode confirmed;
    String packetId;

    @BeforeAll
    void start() throws Exception {
        work = Path.of("target/evidence-it").toAbsolutePath();
        Launcher.deleteTree(work);
        Files.createDirectories(work);
        tsa = TsaForTests.start(work.resolve("tsa"));
        server = new Launcher("evidence");
        server.extraEnvironment.put("MARKGUARD_TSA_URL", tsa.url().toString());
        server.start();
        demo = new DemoMarketplace(server.repo, 120, 3);
        admin = server.admin();
        Crawls crawls = new Crawls(admin);
        assertEquals(201, admin.post("/sources", Crawls.demoSource("demo-shopee", "shopee", demo.base)).status());
        crawls.waitFor(crawls.start("demo-shopee"));
        assertEquals(201, admin.post("/users", "{\"name\":\"binh.tran\",\"password\":\"packets-and-more-123\",\"roles\":[\"enforcement\"]}").status());
        assertEquals(201, admin.post("/users", "{\"name\":\"an.nguyen\",\"password\":\"packets-and-more-123\",\"roles\":[\"analyst\"]}").status());
        enforcement = admin.as("binh.tran", "packets-and-more-123");
        confirmed = admin.ok(admin.get("/listings?flagged=true&sort=risk&size=1")).get("items").get(0);
        assertEquals(201, admin.post("/listings/" + confirmed.get("id").asText() + "/review",
                "{\"decision\":\"CONFIRMED\",\"kind\":\"" + confirmed.get("findings").get(0).get("kind").asText() + "\"}").status());
    }

    @AfterAll
    void stop() throws Exception {
        if (demo != null) {
            demo.close();
        }
        if (server != null) {
            server.stop();
        }
        if (tsa != null) {
            tsa.close();
        }
    }

    JsonNode waitReady(String id) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        JsonNode s;
        do {
            Thread.sleep(200);
            s = admin.ok(enforcement.get("/evidence/" + id));
        } while ("RUNNING".equals(s.get("state").asText()) && System.nanoTime() < deadline);
        return s;
    }

    @Test
    @Order(1)
    void aPacketIsBuiltInTheBackgroundForTheRolesThatMayExport() throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(confirmed.get("id").asText());
        admin.ok(admin.get("/listings?flagged=true&sort=risk&size=3")).get("items").forEach(i -> {
            if (!ids.contains(i.get("id").asText())) {
                ids.add(i.get("id").asText());
            }
        });
        String body = Api.JSON.createObjectNode().put("note", "hồ sơ vụ việc 12/2026")
                .set("listingIds", Api.JSON.valueToTree(ids)).toString().replace("}", ",\"languages\":[\"vi\",\"en\"]}");
        assertEquals(403, admin.as("an.nguyen", "packets-and-more-123").post("/evidence", body).status(), "analysts do not export");
        long t0 = System.nanoTime();
        Api.Response started = enforcement.post("/evidence", body);
        assertEquals(202, started.status(), started.body());
        packetId = started.json().get("id").asText();
        JsonNode ready = waitReady(packetId);
        System.out.printf("evidence packet of %d listings READY in %.2f s (%d bytes)%n", ids.size(),
                (System.nanoTime() - t0) / 1e9, ready.get("bytes").asLong());
        assertEquals("READY", ready.get("state").asText(), ready.toString());
        assertEquals(ids.size(), ready.get("done").asInt());
        HttpResponse<byte[]> download = enforcement.download("/evidence/" + packetId + "/packet");
        assertEquals(200, download.statusCode());
        zip = work.resolve(packetId + ".zip");
        Files.write(zip, download.body());
        Files.writeString(work.resolve("server.pub"), enforcement.get("/evidence/key").body());
        bag = EvidenceTools.unzip(zip, work.resolve("unzipped"));
        assertEquals(400, enforcement.post("/evidence", "{\"listingIds\":[\"a\"],\"sellerId\":\"shopee:x\"}").status());
        JsonNode bad = waitReady(enforcement.post("/evidence", "{\"listingIds\":[\"no-such-listing\"]}").json().get("id").asText());
        assertEquals("FAILED", bad.get("state").asText());
        assertTrue(bad.get("message").asText().contains("no-such-listing"), bad.toString());
    }

    @Test
    @Order(2)
    void markguardVerifyAcceptsItWithoutAServer() throws Exception {
        EvidenceTools.Run v = EvidenceTools.run(work, List.of(server.repo.resolve("markguard").toString(), "verify",
                "--key", work.resolve("server.pub").toString(), "--tsa-ca", tsa.caPem().toString(), zip.toString()));
        assertEquals(0, v.exit(), v.output());
        assertTrue(v.output().contains("PASS  time-stamp token"), v.output());
    }

    @Test
    @Order(3)
    void bagitJavaVerifiesTheBag() throws Exception {
        Bag read = new BagReader().read(bag);
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(read, false);
        }
        assertEquals("1.0", read.getVersion().toString());
    }

    @Test
    @Order(4)
    void everyWarcPassesJwarcAndWarcio() throws Exception {
        List<Path> warcs = EvidenceTools.files(bag, ".warc.gz");
        assertTrue(warcs.size() >= 3, warcs.toString());
        for (Path w : warcs) {
            EvidenceTools.Run jwarc = EvidenceTools.run(work, List.of("java", "-jar", System.getProperty("markguard.jwarc.jar"),
                    "validate", w.toString()));
            assertEquals(0, jwarc.exit(), w + "\n" + jwarc.output());
            EvidenceTools.Run warcio = EvidenceTools.warcio(Path.of("target").toAbsolutePath(), w);
            assertEquals(0, warcio.exit(), warcio.output());
            assertTrue(warcio.output().contains("records 3") && warcio.output().contains("response"), warcio.output());
        }
    }

    @Test
    @Order(5)
    void opensslAcceptsTheTimeStamp() throws Exception {
        EvidenceTools.Run ts = EvidenceTools.run(work, List.of("openssl", "ts", "-verify",
                "-data", bag.resolve("tagmanifest-sha512.txt").toString(), "-in", bag.resolve("markguard-evidence.tsr").toString(),
                "-CAfile", tsa.caPem().toString(), "-untrusted", tsa.tsaPem().toString()));
        assertEquals(0, ts.exit(), ts.output());
        assertTrue(ts.output().contains("Verification: OK"), ts.output());
    }

    @Test
    @Order(6)
    void theVietnameseReportReadsBackIntact() throws Exception {
        EvidenceTools.Run text = EvidenceTools.run(work, List.of("pdftotext", "-layout", "-enc", "UTF-8",
                bag.resolve("data/report-vi.pdf").toString(), "-"));
        assertEquals(0, text.exit(), text.output());
        String pdf = Normalizer.normalize(text.output(), Normalizer.Form.NFC);
        String seller = Normalizer.normalize(confirmed.get("seller").get("name").asText(), Normalizer.Form.NFC);
        assertTrue(pdf.contains(seller), seller + " missing from the report");
        assertTrue(pdf.contains(confirmed.get("url").asText().substring(0, 40)), "the URL is in the report");
        assertTrue(Files.exists(bag.resolve("data/report-en.pdf")));
        String custody = Files.readString(bag.resolve("data/chain-of-custody.jsonl"), StandardCharsets.UTF_8);
        assertTrue(custody.contains("binh.tran") && custody.contains(confirmed.get("captureRef").asText()), custody);
        assertTrue(Files.exists(bag.resolve("data/listings/" + confirmed.get("id").asText() + "/screenshot.png")),
                "a screenshot rendered from the capture");
    }

    @Test
    @Order(7)
    void oneChangedByteIsCaughtAndNamed() throws Exception {
        for (String suffix : List.of("capture.warc.gz", "report-vi.pdf", "listing.json", "bag-info.txt", "markguard-evidence.sig")) {
            Path copy = work.resolve("tampered-" + suffix + ".zip");
            String changed = EvidenceTools.tamper(zip, copy, suffix);
            EvidenceTools.Run v = EvidenceTools.run(work, List.of(server.repo.resolve("markguard").toString(), "verify",
                    "--key", work.resolve("server.pub").toString(), copy.toString()));
            assertEquals(1, v.exit(), suffix + ": " + v.output());
            String inBag = changed.substring(changed.indexOf('/') + 1);
            assertTrue(v.output().contains(inBag), inBag + " not named:\n" + v.output());
        }
    }

    @Test
    @Order(8)
    void aSellerPacketHoldsTheSellersListingsAndTheExportIsAudited() throws Exception {
        String key = confirmed.get("sellerKey").asText();
        long listings = admin.ok(admin.get("/sellers/" + Api.q(key))).get("listings").asLong();
        JsonNode s = waitReady(enforcement.post("/evidence", "{\"sellerId\":\"" + key + "\"}").json().get("id").asText());
        assertEquals("READY", s.get("state").asText(), s.toString());
        assertEquals(listings, s.get("total").asLong());
        JsonNode audit = admin.ok(admin.get("/audit?user=binh.tran&action=export&size=100")).get("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asText() + " " + e.get("target").asText()));
        assertTrue(actions.contains("export.requested " + packetId) && actions.contains("export.ready " + packetId)
                && actions.contains("export.downloaded " + packetId), actions.toString());
    }
}
