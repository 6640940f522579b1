package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.evidence.VerificationReport.Check;
import org.markguard.evidence.VerificationReport.Outcome;

/** A packet written by PacketWriter verifies, with this verifier, bagit-java and jwarc alike. */
class PacketRoundTripTest {
    @TempDir
    static Path dir;
    static EvidenceKeys keys;
    static Path zip;

    @BeforeAll
    static void writePacket() throws Exception {
        keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
        zip = TestPackets.write(dir.resolve("out"), keys, null);
    }

    @Test
    void thePacketVerifies() throws Exception {
        VerificationReport report = PacketVerifier.forEvidencePackets().expectingKey(keys.publicKey()).verify(zip);
        assertTrue(report.ok(), report::toString);
        for (Check check : report.checks()) {
            Outcome expected = check.name().equals(PacketVerifier.TIME_STAMP) ? Outcome.SKIPPED : Outcome.PASSED;
            assertEquals(expected, check.outcome(), report::toString);
        }
        String signature = detail(report, PacketVerifier.SIGNATURE);
        assertTrue(signature.contains(keys.fingerprint()), signature);
        assertTrue(detail(report, PacketVerifier.WARC).startsWith("2 files, "), report::toString);
    }

    @Test
    void theZipHoldsExactlyTheFormatsFilesUnderOneFolder() throws Exception {
        List<String> expected = new ArrayList<>(List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                "manifest-sha512.txt", "markguard-evidence-key.pub", "tagmanifest-sha256.txt",
                "tagmanifest-sha512.txt", "markguard-evidence.sig"));
        TestPackets.PAYLOAD.forEach(p -> expected.add("data/" + p));
        assertEquals(expected.stream().sorted().toList(), Zips.files(zip).stream().sorted().toList());
        try (var file = new java.util.zip.ZipFile(zip.toFile())) {
            assertTrue(file.stream().allMatch(e -> e.getName().startsWith(TestPackets.ID + "/")));
        }
    }

    @Test
    void theTagFilesSayWhatTheFormatSays() throws Exception {
        assertEquals("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", text("bagit.txt"));
        String bagInfo = text("bag-info.txt");
        assertTrue(bagInfo.startsWith("Source-Organization: Chi cục Quản lý thị trường tỉnh Kiên Giang\n"), bagInfo);
        assertTrue(bagInfo.contains("\nExternal-Identifier: " + TestPackets.ID + "\n"), bagInfo);
        assertTrue(bagInfo.contains("\nContact-Name: Nguyễn Văn An\n"), bagInfo);
        assertTrue(bagInfo.matches("(?s).*\nBagging-Date: \\d{4}-\\d{2}-\\d{2}\n.*"), bagInfo);
        long octets = 0;
        for (String path : TestPackets.PAYLOAD) {
            octets += Zips.read(zip, "data/" + path).length;
        }
        assertTrue(bagInfo.contains("\nPayload-Oxum: " + octets + ".5\n"), bagInfo);
        assertTrue(text("manifest-sha256.txt").contains("  data/" + TestPackets.LISTING + "\n"));
        assertEquals(5, text("tagmanifest-sha512.txt").lines().count());

        byte[] signature = Base64.getDecoder().decode(text("markguard-evidence.sig").strip());
        assertEquals(64, signature.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(EvidenceKeys.parsePublicKey(text("markguard-evidence-key.pub")));
        verifier.update(Zips.read(zip, "tagmanifest-sha512.txt"));
        assertTrue(verifier.verify(signature));
        assertEquals(keys.publicKeyPem(), text("markguard-evidence-key.pub"));
    }

    @Test
    void theUnzippedPacketVerifiesToo() throws Exception {
        Path unzipped = Zips.unzip(zip, Files.createTempDirectory(dir, "unzipped"));
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(unzipped);
        assertTrue(report.ok(), report::toString);
        assertTrue(PacketVerifier.forEvidencePackets().verify(unzipped.getParent()).ok(),
                "the folder unzip leaves, holding the bag folder, is accepted too");
    }

    @Test
    void bagitJavaFindsTheUnzippedPacketValid() throws Exception {
        Path unzipped = Zips.unzip(zip, Files.createTempDirectory(dir, "bagit-java"));
        Bag bag = new BagReader().read(unzipped);
        assertEquals("1.0", bag.getVersion().toString());
        assertEquals(2, bag.getPayLoadManifests().size());
        assertEquals(2, bag.getTagManifests().size());
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(bag, false); // throws, saying why, when it is not
        }
    }

    @Test
    void jwarcValidatesEveryWarcOfThePacket() throws Exception {
        Path unzipped = Zips.unzip(zip, Files.createTempDirectory(dir, "jwarc"));
        List<Path> warcs;
        try (Stream<Path> files = Files.walk(unzipped.resolve("data"))) {
            warcs = files.filter(f -> f.toString().endsWith(".warc.gz")).toList();
        }
        assertEquals(2, warcs.size());
        for (Path warc : warcs) {
            JwarcValidation.assertValid(warc);
        }
    }

    @Test
    void anotherExpectedKeyFailsNamingTheKeyFile() throws Exception {
        EvidenceKeys other = EvidenceKeys.loadOrCreate(dir.resolve("other-keys"));
        VerificationReport report = PacketVerifier.forEvidencePackets().expectingKey(other.publicKey()).verify(zip);
        assertFalse(report.ok());
        assertEquals(1, report.problems().size(), report::toString);
        assertEquals(PacketLayout.PUBLIC_KEY, report.problems().get(0).file());
        assertTrue(report.problems().get(0).message().contains(other.fingerprint()));
    }

    private static String text(String file) throws Exception {
        return new String(Zips.read(zip, file), StandardCharsets.UTF_8);
    }

    static String detail(VerificationReport report, String check) {
        return report.checks().stream().filter(c -> c.name().equals(check)).findFirst().orElseThrow().detail();
    }
}
