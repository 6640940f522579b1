package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any change to any file of a packet is found and the report names that file: one bit flipped in
 * each file of a time-stamped packet in turn (payload, manifests, bag-info, key, signature, token),
 * plus files added, removed, and a packet re-signed by someone else.
 */
class PacketTamperingTest {
    @TempDir
    static Path dir;
    static LocalTsa tsa;
    static EvidenceKeys keys;
    static Path zip;

    @BeforeAll
    static void writeTimeStampedPacket() throws Exception {
        tsa = LocalTsa.start(dir.resolve("tsa"));
        keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
        zip = TestPackets.write(dir.resolve("out"), keys, new TimeStampClient(tsa.url(), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Test
    void theUntouchedPacketVerifies() throws Exception {
        VerificationReport report = verifier().verify(zip);
        assertTrue(report.ok(), report::toString);
        assertTrue(Zips.files(zip).contains(PacketLayout.TIME_STAMP));
    }

    @TestFactory
    Stream<DynamicTest> oneFlippedBitInAnyFileIsFoundAndNamed() throws Exception {
        List<String> files = Zips.files(zip);
        assertEquals(14, files.size(), "8 tag files, the token and 5 payload files: " + files);
        return files.stream().map(file -> dynamicTest(file, () -> {
            Path copy = Zips.copyChanging(zip, file, Zips::flipMiddleByte, Files.createTempFile(dir, "flipped", ".zip"));
            VerificationReport report = verifier().verify(copy);
            assertFalse(report.ok(), "a change to " + file + " went unnoticed");
            assertFalse(report.problemsWith(file).isEmpty(), "no problem names " + file + ":\n" + report);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyBitFlipInTheSignatureAndTheTokenIsFound() throws Exception {
        // the signature and the token, which no manifest lists, each byte in turn, of a small packet;
        // every other file is listed in a manifest, so any change to it is a checksum mismatch
        Path small = dir.resolve("small.zip");
        try (var out = Files.newOutputStream(small)) {
            PacketWriter writer = new PacketWriter(out, "small", TestPackets.bagInfo());
            writer.addPayload("note.txt", new java.io.ByteArrayInputStream("evidence".getBytes(StandardCharsets.UTF_8)));
            writer.finish(keys, new TimeStampClient(tsa.url(), Duration.ofSeconds(30)));
        }
        Path bag = Zips.unzip(small, Files.createTempDirectory(dir, "small"));
        PacketVerifier verifier = verifier();
        assertTrue(verifier.verify(bag).ok());
        return Stream.of(PacketLayout.SIGNATURE, PacketLayout.TIME_STAMP).map(file -> dynamicTest(file, () -> {
                    Path target = bag.resolve(file);
                    byte[] original = Files.readAllBytes(target);
                    List<Integer> unnoticed = new java.util.ArrayList<>();
                    try {
                        for (int at = 0; at < original.length; at++) {
                            byte[] changed = original.clone();
                            changed[at] ^= 1;
                            Files.write(target, changed);
                            VerificationReport report = verifier.verify(bag);
                            if (report.ok() || report.problemsWith(file).isEmpty()) {
                                unnoticed.add(at);
                            }
                        }
                    } finally {
                        Files.write(target, original);
                    }
                    assertEquals(List.of(), unnoticed, "bit flips at these offsets of " + file
                            + " (" + original.length + " bytes) were not found or not named");
                }));
    }

    @Test
    void anAddedPayloadFileIsNamed() throws Exception {
        Path copy = Zips.copyAdding(zip, "data/planted.txt", "planted".getBytes(StandardCharsets.UTF_8),
                dir.resolve("added.zip"));
        VerificationReport report = verifier().verify(copy);
        assertFalse(report.ok());
        assertEquals(2, report.problemsWith("data/planted.txt").size(), "not in either manifest:\n" + report);
    }

    @Test
    void anAddedTagFileIsNamedAsNotCoveredByTheSignature() throws Exception {
        Path copy = Zips.copyAdding(zip, "notes.txt", "unsigned".getBytes(StandardCharsets.UTF_8),
                dir.resolve("added-tag.zip"));
        VerificationReport report = verifier().verify(copy);
        assertFalse(report.ok());
        assertTrue(report.problemsWith("notes.txt").get(0).message().contains("signature does not cover"),
                report::toString);
    }

    @Test
    void aRemovedFileIsNamed() throws Exception {
        for (String file : List.of("data/" + TestPackets.SCREENSHOT, PacketLayout.SIGNATURE, PacketLayout.PUBLIC_KEY,
                PacketLayout.MANIFEST_SHA256, PacketLayout.TAG_MANIFEST_SHA256, PacketLayout.BAG_INFO)) {
            Path copy = Zips.copyRemoving(zip, file, Files.createTempFile(dir, "removed", ".zip"));
            VerificationReport report = verifier().verify(copy);
            assertFalse(report.ok(), file);
            assertFalse(report.problemsWith(file).isEmpty(), "no problem names " + file + ":\n" + report);
        }
    }

    @Test
    void aRemovedTimeStampLeavesAValidPacketWithoutTime() throws Exception {
        // the token is optional, so its absence is not an error: the report says there is none
        Path copy = Zips.copyRemoving(zip, PacketLayout.TIME_STAMP, dir.resolve("no-token.zip"));
        VerificationReport report = verifier().verify(copy);
        assertTrue(report.ok(), report::toString);
        assertEquals("no time-stamp token in the packet", PacketRoundTripTest.detail(report, PacketVerifier.TIME_STAMP));
    }

    @Test
    void aPacketReSignedByAnotherKeyIsCaughtByTheExpectedKey() throws Exception {
        EvidenceKeys forger = EvidenceKeys.loadOrCreate(dir.resolve("forger"));
        Path forged = TestPackets.write(dir.resolve("forged"), forger, null);
        assertTrue(PacketVerifier.forEvidencePackets().verify(forged).ok(),
                "internally consistent: only the key tells who signed");
        VerificationReport report = verifier().verify(forged);
        assertFalse(report.ok());
        assertEquals(List.of(PacketLayout.PUBLIC_KEY), report.problems().stream().map(p -> p.file()).toList(),
                report::toString);
    }

    private static PacketVerifier verifier() throws Exception {
        return PacketVerifier.forEvidencePackets().expectingKey(keys.publicKey())
                .trustingTsaCertificates(List.of(LocalTsa.certificate(tsa.caCertificate())));
    }
}
