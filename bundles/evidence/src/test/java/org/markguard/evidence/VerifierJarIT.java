package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded verifier jar (classifier "verifier") run as a person would, {@code java -jar}, with
 * nothing else on the class path: after {@code package}, by failsafe.
 */
class VerifierJarIT {
    @TempDir
    static Path dir;
    static LocalTsa tsa;
    static Path zip;
    static Path key;

    @BeforeAll
    static void writeTimeStampedPacket() throws Exception {
        tsa = LocalTsa.start(dir.resolve("tsa"));
        EvidenceKeys keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
        key = dir.resolve("keys").resolve(EvidenceKeys.PUBLIC_KEY_FILE);
        zip = TestPackets.write(dir.resolve("out"), keys, new TimeStampClient(tsa.url(), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopTsa() {
        tsa.close();
    }

    @Test
    void theJarVerifiesATimeStampedPacket() throws Exception {
        Run run = java("--key", key.toString(), "--tsa-ca", tsa.caCertificate().toString(), zip.toString());
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("PASS  time-stamp token: TSA "), run.output());
        assertTrue(run.output().contains("PASS  WARC record digests: 2 files"), run.output());
    }

    @Test
    void theJarExitsOneOnATamperedPacketAndTwoOnAMissingOne() throws Exception {
        Path tampered = Zips.copyChanging(zip, PacketLayout.TIME_STAMP, Zips::flipMiddleByte, dir.resolve("t.zip"));
        Run run = java(tampered.toString());
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("problem: markguard-evidence.tsr: "), run.output());
        assertEquals(2, java(dir.resolve("missing.zip").toString()).status());
    }

    record Run(int status, String output) {
    }

    private static Run java(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("verifier.jar", "target/missing-verifier.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is not built");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the verifier did not finish");
        return new Run(process.exitValue(), output);
    }
}
