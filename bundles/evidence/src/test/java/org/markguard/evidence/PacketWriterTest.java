package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What PacketWriter refuses, and that it streams. */
class PacketWriterTest {
    @TempDir
    static Path dir;
    static EvidenceKeys keys;

    @BeforeAll
    static void keys() throws IOException {
        keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape.txt", "a/../../escape.txt", "/etc/passwd", "a\\b.txt", "a/./b.txt",
        "a//b.txt", "dir/", ".", "line\nbreak.txt", "carriage\rreturn.txt", "nul\u0000.txt", "tab\t.txt",
        "C:/windows.txt", "del\u007f.txt"})
    void unsafePayloadPathsAreRefused(String path) {
        PacketWriter writer = new PacketWriter(new ByteArrayOutputStream(), "p1", Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.payload(path));
        assertTrue(e.getMessage().startsWith("payload path "), e.getMessage());
    }

    @Test
    void pathsThatCollideOnSomeFileSystemsAreRefused() throws IOException {
        PacketWriter writer = new PacketWriter(new ByteArrayOutputStream(), "p1", Map.of());
        writer.addPayload("Shots/Listing.png", new ByteArrayInputStream(new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> writer.payload("shots/listing.PNG"));
        writer.addPayload("n\u00e9.txt", new ByteArrayInputStream(new byte[1])); // NFC
        assertThrows(IllegalArgumentException.class, () -> writer.payload("ne\u0301.txt")); // NFD
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "has space", "-starts-with-dash", ".hidden"})
    void badPacketIdsAreRefused(String id) {
        assertThrows(IllegalArgumentException.class, () -> new PacketWriter(new ByteArrayOutputStream(), id, Map.of()));
    }

    @Test
    void bagInfoFieldsTheWriterOwnsOrCannotWriteAreRefused() {
        for (Map<String, String> info : java.util.List.of(Map.of("Payload-Oxum", "1.1"), Map.of("bagging-date", "x"),
                Map.of("External-Identifier", "x"), Map.of("Bad:Label", "x"), Map.of(" Padded", "x"),
                Map.of("Note", "two\nlines"))) {
            assertThrows(IllegalArgumentException.class, () -> new PacketWriter(new ByteArrayOutputStream(), "p1", info),
                    info.toString());
        }
    }

    @Test
    void oneOpenPayloadAtATimeAndNothingAfterFinish() throws IOException {
        PacketWriter writer = new PacketWriter(new ByteArrayOutputStream(), "p1", Map.of());
        OutputStream open = writer.payload("a.txt");
        assertThrows(IllegalStateException.class, () -> writer.payload("b.txt"));
        assertThrows(IllegalStateException.class, () -> writer.finish(keys, null));
        open.close();
        writer.finish(keys, null);
        assertThrows(IllegalStateException.class, () -> writer.payload("c.txt"));
        assertThrows(IllegalStateException.class, () -> writer.finish(keys, null));
    }

    @Test
    void aFailingTimeStampAuthorityLeavesThePacketReadyToFinishWithoutIt() throws IOException {
        Path zip = dir.resolve("retry.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            PacketWriter writer = new PacketWriter(out, "retry", Map.of());
            writer.addPayload("a.txt", new ByteArrayInputStream("evidence".getBytes()));
            TimeStamper down = digest -> {
                throw new IOException("authority down");
            };
            assertThrows(IOException.class, () -> writer.finish(keys, down));
            writer.finish(keys, null);
        }
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertTrue(report.ok(), report::toString);
    }

    @Test
    void aSignerWhoseSignatureDoesNotMatchItsKeyIsRefused() throws IOException {
        EvidenceKeys other = EvidenceKeys.loadOrCreate(dir.resolve("other"));
        EvidenceSigner confused = new EvidenceSigner() {
            @Override
            public String publicKeyPem() {
                return keys.publicKeyPem();
            }

            @Override
            public byte[] sign(byte[] data) {
                return other.sign(data);
            }
        };
        PacketWriter writer = new PacketWriter(new ByteArrayOutputStream(), "p1", Map.of());
        assertThrows(IOException.class, () -> writer.finish(confused, null));
    }

    @Test
    void aLargePayloadIsStreamedNotBuffered() throws IOException {
        long size = 160L << 20; // more than the test JVM's whole heap (-Xmx96m, pom.xml)
        Path zip = dir.resolve("large.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            PacketWriter writer = new PacketWriter(out, "large", Map.of());
            writer.addPayload("big.bin", new PatternStream(size));
            writer.finish(keys, null);
        }
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertTrue(report.ok(), report::toString);
        assertTrue(PacketRoundTripTest.detail(report, PacketVerifier.BAG_INFO).contains(size + ".1"), report::toString);
    }

    @Test
    void aPercentSignInAPathIsPercentEncodedInTheManifests() throws IOException {
        // RFC 8493 §2.1.3; bagit-java 5.2.0 does not decode %25, so such a packet fails there
        Path zip = dir.resolve("percent.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            PacketWriter writer = new PacketWriter(out, "percent", Map.of());
            writer.addPayload("100% genuine.json", new ByteArrayInputStream("{}".getBytes()));
            writer.finish(keys, null);
        }
        String manifest = new String(Zips.read(zip, PacketLayout.MANIFEST_SHA512), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(manifest.endsWith("  data/100%25 genuine.json\n"), manifest);
        assertTrue(Zips.files(zip).contains("data/100% genuine.json"));
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertTrue(report.ok(), report::toString);
    }

    @Test
    void manifestPathEncodingRoundTrips() {
        String path = "data/100%\r\nodd.txt";
        assertEquals("data/100%25%0D%0Aodd.txt", PayloadPath.encode(path));
        assertEquals(path, PayloadPath.decode(PayloadPath.encode(path)));
        assertEquals("a%41b%", PayloadPath.decode("a%41b%"), "only %0D, %0A and %25 are decoded");
        assertEquals("x\ny", PayloadPath.decode("x%0ay"));
    }

    /** Generates bytes without holding them. */
    private static final class PatternStream extends InputStream {
        private long remaining;

        PatternStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            return remaining-- > 0 ? (int) (remaining % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((remaining - i) % 251);
            }
            remaining -= n;
            return n;
        }
    }
}
