package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: its output and its exit status 0 (valid), 1 (a check failed), 2 (unusable). */
class VerifyMainTest {
    @TempDir
    static Path dir;
    static Path zip;
    static Path key;
    static Path otherKey;

    @BeforeAll
    static void writePacket() throws Exception {
        EvidenceKeys keys = EvidenceKeys.loadOrCreate(dir.resolve("keys"));
        zip = TestPackets.write(dir.resolve("out"), keys, null);
        key = dir.resolve("keys").resolve(EvidenceKeys.PUBLIC_KEY_FILE);
        EvidenceKeys.loadOrCreate(dir.resolve("other"));
        otherKey = dir.resolve("other").resolve(EvidenceKeys.PUBLIC_KEY_FILE);
    }

    @Test
    void aGoodPacketExitsZeroWithOneLinePerCheck() {
        Run run = run("--key", key.toString(), zip.toString());
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("PASS  signature: Ed25519 over tagmanifest-sha512.txt, key sha256:"), run.output());
        assertTrue(run.output().contains("PASS  expected signing key"), run.output());
        assertTrue(run.output().contains("SKIP  time-stamp token: no time-stamp token in the packet"), run.output());
        assertTrue(run.output().strip().endsWith("VALID: every check holds for " + zip), run.output());
        assertEquals(11, run.output().lines().count(), "a title, nine checks, a verdict:\n" + run.output());
    }

    @Test
    void aTamperedPacketExitsOneNamingTheFile() throws Exception {
        Path tampered = Zips.copyChanging(zip, "data/" + TestPackets.LISTING, Zips::flipMiddleByte,
                dir.resolve("tampered.zip"));
        Run run = run(tampered.toString());
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("FAIL  payload manifests"), run.output());
        assertTrue(run.output().contains("      problem: data/" + TestPackets.LISTING + ": content changed"), run.output());
        assertTrue(run.output().contains("INVALID: 1 problem in "), run.output());
    }

    @Test
    void anotherExpectedKeyExitsOne() {
        Run run = run("--key", otherKey.toString(), zip.toString());
        assertEquals(1, run.status(), run.output());
        assertTrue(run.output().contains("problem: markguard-evidence-key.pub: is not the expected key"), run.output());
    }

    @Test
    void unusableInputExitsTwo() throws Exception {
        Path notZip = Files.writeString(dir.resolve("not-a-zip.zip"), "hello");
        assertEquals(2, run(dir.resolve("missing.zip").toString()).status());
        assertEquals(2, run(notZip.toString()).status());
        assertEquals(2, run("--key", dir.resolve("missing.pub").toString(), zip.toString()).status());
        assertEquals(2, run("--key", notZip.toString(), zip.toString()).status());
        assertEquals(2, run("--tsa-ca", notZip.toString(), zip.toString()).status());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run().status());
        assertEquals(2, run("--frobnicate", zip.toString()).status());
        assertEquals(2, run(zip.toString(), zip.toString()).status());
        Run missingArgument = run("--key");
        assertEquals(2, missingArgument.status());
        assertTrue(missingArgument.output().contains("usage: java -jar markguard-evidence-verifier.jar"));
        assertEquals(0, run("--help").status());
    }

    @Test
    void plainBagsWithBag() {
        assertEquals(0, run("--bag", Fixtures.bagitSuite("v1.0/valid/basicBag").toString()).status());
        assertEquals(1, run("--bag", Fixtures.bagitSuite("v1.0/invalid/notAllManifestsListAllFiles").toString()).status());
        assertEquals(1, run(Fixtures.bagitSuite("v1.0/valid/basicBag").toString()).status(), "not a packet");
    }

    record Run(int status, String output) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = VerifyMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }
}
