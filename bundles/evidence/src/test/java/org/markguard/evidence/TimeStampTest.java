package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 3161 against a local OpenSSL time-stamping authority: the token in a packet is accepted by
 * {@code openssl ts -verify} and by the verifier, and the client refuses every bad answer.
 */
class TimeStampTest {
    @TempDir
    static Path dir;
    static LocalTsa tsa;
    static EvidenceKeys keys;

    @BeforeAll
    static void startTsa() throws IOException {
        tsa = LocalTsa.start(dir.resolve("tsa"));
        keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @AfterEach
    void behave() {
        tsa.behave(LocalTsa.Behaviour.REPLY);
    }

    @Test
    void theTokenInAPacketIsAcceptedByOpensslAndByTheVerifier() throws Exception {
        Path zip = TestPackets.write(dir.resolve("stamped"), keys, client(Duration.ofSeconds(30)));
        Path bag = Zips.unzip(zip, Files.createTempDirectory(dir, "unzipped"));
        Openssl.Result openssl = Openssl.exec(bag, "ts", "-verify", "-data", "tagmanifest-sha512.txt",
                "-in", "markguard-evidence.tsr", "-CAfile", tsa.caCertificate().toString(),
                "-untrusted", tsa.tsaCertificate().toString());
        assertEquals(0, openssl.exitCode(), openssl.output());
        assertTrue(openssl.output().contains("Verification: OK"), openssl.output());

        VerificationReport report = PacketVerifier.forEvidencePackets()
                .trustingTsaCertificates(List.of(LocalTsa.certificate(tsa.caCertificate()))).verify(zip);
        assertTrue(report.ok(), report::toString);
        String detail = PacketRoundTripTest.detail(report, PacketVerifier.TIME_STAMP);
        assertTrue(detail.startsWith("TSA ") && detail.contains("CN=markguard test TSA") && detail.contains(", time 20")
                && detail.contains("issued by a trusted CA"), detail);
    }

    @Test
    void aTsaCertificateFromAnotherCaIsReported() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other-ca"));
        Openssl.run(other, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=markguard test CA");
        Path zip = TestPackets.write(dir.resolve("stamped-other"), keys, client(Duration.ofSeconds(30)));
        VerificationReport report = PacketVerifier.forEvidencePackets()
                .trustingTsaCertificates(List.of(LocalTsa.certificate(other.resolve("ca.pem")))).verify(zip);
        assertFalse(report.ok());
        assertEquals(PacketLayout.TIME_STAMP, report.problems().get(0).file(), report::toString);
        assertTrue(PacketVerifier.forEvidencePackets().verify(zip).ok(), "without anchors it is only reported");
    }

    @Test
    void aReplayedAnswerIsRefused() throws Exception {
        client(Duration.ofSeconds(30)).timeStamp(Digests.sha256("first".getBytes()));
        tsa.behave(LocalTsa.Behaviour.REPLAY_LAST_REPLY);
        IOException e = assertThrows(IOException.class,
                () -> client(Duration.ofSeconds(30)).timeStamp(Digests.sha256("second".getBytes())));
        assertTrue(e.getMessage().contains("imprint"), e.getMessage());
    }

    @Test
    void anAnswerForTheSameDigestButAnotherNonceIsRefused() throws Exception {
        byte[] digest = Digests.sha256("same".getBytes());
        TimeStampClient client = client(Duration.ofSeconds(30));
        client.timeStamp(digest);
        tsa.behave(LocalTsa.Behaviour.REPLAY_LAST_REPLY);
        IOException e = assertThrows(IOException.class, () -> client.timeStamp(digest));
        assertTrue(e.getMessage().contains("answered another request") && e.getMessage().contains("nonce"),
                e.getMessage());
    }

    @Test
    void badAnswersAreClearIOExceptions() throws Exception {
        tsa.behave(LocalTsa.Behaviour.HTTP_500);
        assertMessage("answered HTTP 500", client(Duration.ofSeconds(30)));
        tsa.behave(LocalTsa.Behaviour.GARBAGE);
        assertMessage("not an RFC 3161 TimeStampResp", client(Duration.ofSeconds(30)));
        tsa.behave(LocalTsa.Behaviour.TOO_SLOW);
        assertMessage("did not answer within PT0.5S", client(Duration.ofMillis(500)));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertMessage("cannot be reached", new TimeStampClient(URI.create("http://127.0.0.1:" + closedPort + "/"),
                Duration.ofSeconds(5)));
    }

    private static void assertMessage(String expected, TimeStampClient client) {
        IOException e = assertThrows(IOException.class, () -> client.timeStamp(Digests.sha256(new byte[] {1})));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static TimeStampClient client(Duration timeout) {
        return new TimeStampClient(tsa.url(), timeout);
    }
}
