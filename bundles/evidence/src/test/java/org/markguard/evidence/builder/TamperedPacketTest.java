package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.Seller;
import org.markguard.evidence.PacketVerifier;
import org.markguard.evidence.VerificationReport;

/**
 * One byte of a produced packet's capture changed, in a zip rewritten with correct CRCs (as a
 * forger would): the verifier fails and names the capture. The library's own tests cover tampering
 * of every file; this is the end-to-end case.
 */
class TamperedPacketTest {
    @TempDir
    Path dir;

    @Test
    void aChangedCaptureByteIsFoundAndNamed() throws Exception {
        try (Fixture fixture = new Fixture(dir)) {
            AssessedListing listing = fixture.listing(1, "Nước mắm Phú Quốc", new Seller("s", "Shop", null),
                    Fixture.html("Nước mắm Phú Quốc"));
            EvidenceExporter exporter = fixture.exporter(null);
            EvidenceStatus status = Fixture.await(exporter, exporter.export(new EvidenceRequest(
                    List.of(listing.listing().id()), null, null, false, null, null), "lan").id());
            assertEquals(EvidenceStatus.READY, status.state(), status::toString);
            Path zip = exporter.packet(status.id()).orElseThrow();
            assertTrue(PacketVerifier.forEvidencePackets().verify(zip).ok());

            String capture = "data/listings/" + listing.listing().id() + "/capture.warc.gz";
            Path tampered = dir.resolve("tampered.zip");
            rewriteChangingOneByte(zip, status.id() + "/" + capture, tampered);
            VerificationReport report = PacketVerifier.forEvidencePackets().verify(tampered);
            assertFalse(report.ok());
            assertFalse(report.problemsWith(capture).isEmpty(), report::toString);
            System.out.println("[tamper] " + report.problemsWith(capture));
        }
    }

    private static void rewriteChangingOneByte(Path zip, String entryName, Path target) throws Exception {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : in.stream().toList()) {
                byte[] bytes;
                try (InputStream entryIn = in.getInputStream(entry)) {
                    bytes = entryIn.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    bytes[bytes.length / 2] ^= 0x01;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
