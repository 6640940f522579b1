package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netpreserve.jwarc.WarcCompression;

/**
 * The WARC check recomputes every record's digests, whatever encoding the writer used, and names
 * the file and record that do not match, even when the packet's manifests agree with the file.
 */
class WarcRecordCheckTest {
    @TempDir
    static Path dir;
    static EvidenceKeys keys;

    @BeforeAll
    static void keys() throws Exception {
        keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
    }

    @Test
    void warcioFilesWithEveryDigestConventionPass() throws Exception {
        Map<String, Path> payload = new LinkedHashMap<>();
        for (String name : List.of("example.warc.gz", "example.warc", "example-resource.warc.gz", "post-test.warc.gz",
                "example-iana.org-chunked.warc", "example-space-in-target-uri.warc.gz",
                "example-wget-bad-target-uri.warc.gz")) {
            payload.put("warcio/" + name, Fixtures.warcio(name));
        }
        Path zip = TestPackets.writeFiles(dir.resolve("warcio.zip"), keys, payload);
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertTrue(report.ok(), report::toString);
        assertTrue(PacketRoundTripTest.detail(report, PacketVerifier.WARC).startsWith("7 files, "), report::toString);
    }

    @Test
    void theRecordWithAWrongPayloadDigestIsNamed() throws Exception {
        // example-digest.warc: one request four times, digests in base32, base64 and base64url; the first is wrong
        Path zip = TestPackets.writeFiles(dir.resolve("digest.zip"), keys,
                Map.of("example-digest.warc", Fixtures.warcio("example-digest.warc")));
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        List<VerificationReport.Problem> problems = report.problemsWith("data/example-digest.warc");
        assertEquals(1, report.problems().size(), report::toString);
        assertEquals(1, problems.size(), report::toString);
        String message = problems.get(0).message();
        assertTrue(message.contains("<urn:uuid:a9c5c23a-0221-11e7-8fe3-0242ac120007>") && message.contains("offset 0")
                && message.contains("WARC-Payload-Digest sha1:1112H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example-bad-non-chunked.warc.gz", "example-wrong-chunks.warc.gz", "example-trunc.warc"})
    void brokenWarcioFilesAreNamed(String name) throws Exception {
        Path zip = TestPackets.writeFiles(dir.resolve(name + ".zip"), keys, Map.of(name, Fixtures.warcio(name)));
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertFalse(report.ok());
        assertFalse(report.problemsWith("data/" + name).isEmpty(), report::toString);
        assertTrue(report.problems().stream().allMatch(p -> p.check().equals(PacketVerifier.WARC)), report::toString);
    }

    @Test
    void aCaptureChangedBeforePackingIsFoundThoughTheManifestsAgree() throws Exception {
        Path warc = TestWarcs.writeCapture(dir.resolve("plain.warc"), WarcCompression.NONE);
        String original = Files.readString(warc, StandardCharsets.ISO_8859_1);
        String price = new String("Giá: 45.000".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertTrue(original.contains(price));
        Path doctored = dir.resolve("doctored.warc");
        Files.writeString(doctored, original.replace(price, price.replace("45", "95")), StandardCharsets.ISO_8859_1);

        Path zip = TestPackets.writeFiles(dir.resolve("doctored.zip"), keys, Map.of("capture.warc", doctored));
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertEquals(2, report.problems().size(), "block and payload digests of one record:\n" + report);
        for (VerificationReport.Problem problem : report.problems()) {
            assertEquals("data/capture.warc", problem.file());
            assertEquals(PacketVerifier.WARC, problem.check());
            assertTrue(problem.message().contains("(response at offset "), problem.message());
        }
        assertTrue(PacketVerifier.forEvidencePackets().verify(
                TestPackets.writeFiles(dir.resolve("plain.zip"), keys, Map.of("capture.warc", warc))).ok());
    }

    @Test
    void digestsInBase32AndBase64Pass() throws Exception {
        Path warc = TestWarcs.writeOtherDigestForms(dir.resolve("forms.warc"));
        Path zip = TestPackets.writeFiles(dir.resolve("forms.zip"), keys, Map.of("forms.warc", warc));
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(zip);
        assertTrue(report.ok(), report::toString);
        assertEquals("1 files, 4 records, 8 digests recomputed", PacketRoundTripTest.detail(report, PacketVerifier.WARC));
    }

    @Test
    void digestValuesInEveryEncodingMatch() {
        byte[] empty = Digests.create("SHA-1").digest(new byte[0]);
        for (String value : List.of("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", "sha1:3i42h3s6nnfq2msvx7xzkyayscx5qbyj",
                "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1:2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
                "sha1:2jmj7l5rSw0yVb_vlWAYkK_YBwk=", "SHA-1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")) {
            assertTrue(WarcDigestValue.parse(value).matches(empty), value);
        }
        byte[] sha256 = Digests.sha256(new byte[0]);
        assertTrue(WarcDigestValue.parse("sha256:" + WarcDigestValue.base32(sha256) + "====").matches(sha256));
        assertTrue(WarcDigestValue.parse("sha256:" + Digests.hex(sha256)).matches(sha256));
        assertFalse(WarcDigestValue.parse("sha256:" + Digests.hex(Digests.sha256(new byte[1]))).matches(sha256));
    }
}
