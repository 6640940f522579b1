package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Library of Congress BagIt conformance suite, read in place: with the plain-bag mode, every
 * valid bag is accepted and every invalid one rejected, for v1.0 (RFC 8493; it has no warning
 * cases, and its "same file listed twice with the same hash" is filed under invalid) and for the
 * older versions.
 */
class ConformanceSuiteTest {

    @TestFactory
    Stream<DynamicTest> everyValidBagIsAccepted() throws IOException {
        return bags("v1.0/valid").stream().map(bag -> dynamicTest(bag.getFileName().toString(), () -> {
            VerificationReport report = PacketVerifier.forBags().verify(bag);
            assertTrue(report.ok(), report::toString);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyInvalidBagIsRejected() throws IOException {
        return bags("v1.0/invalid").stream().map(bag -> dynamicTest(bag.getFileName().toString(), () -> {
            VerificationReport report = PacketVerifier.forBags().verify(bag);
            assertFalse(report.ok(), "accepted an invalid bag:\n" + report);
        }));
    }

    /** The older suite too (BagIt 0.93 to 0.97: md5 manifests, other encodings, fetch.txt, "./" paths). */
    @TestFactory
    Stream<DynamicTest> olderVersionsValidBagsAreAcceptedAndInvalidOnesRejected() throws IOException {
        Stream<DynamicTest> valid = Stream.of("v0.93/valid", "v0.94/valid", "v0.95/valid", "v0.96/valid", "v0.97/valid")
                .flatMap(ConformanceSuiteTest::bagsOf).map(bag -> dynamicTest("valid " + name(bag), () -> {
                    VerificationReport report = PacketVerifier.forBags().verify(bag);
                    assertTrue(report.ok(), report::toString);
                }));
        Stream<DynamicTest> invalid = Stream.of("v0.97/invalid", "v0.97/linux-only")
                .flatMap(ConformanceSuiteTest::bagsOf).map(bag -> dynamicTest("invalid " + name(bag), () ->
                        assertFalse(PacketVerifier.forBags().verify(bag).ok(), "accepted " + bag)));
        return Stream.concat(valid, invalid);
    }

    /**
     * The 0.97 warning cases (valid but suspicious). One is accepted; the others are rejected on
     * purpose: a manifest line that does not name an existing file exactly is not accepted as
     * evidence, whatever a case-insensitive or normalising file system would make of it.
     */
    @TestFactory
    Stream<DynamicTest> olderWarningCases() {
        Path warning = Fixtures.bagitSuite("v0.97/warning");
        Stream<DynamicTest> accepted = Stream.of("relative-path").map(name -> dynamicTest("accepted " + name,
                () -> assertTrue(PacketVerifier.forBags().verify(warning.resolve(name)).ok())));
        Stream<DynamicTest> rejected = Stream.of("duplicate-file-with-different-case", "made-with-md5sum-tools",
                "same-filename-listed-twice-with-different-normalization", "same-filename-listed-twice-with-the-same-hash",
                "special-system-files").map(name -> dynamicTest("rejected " + name,
                        () -> assertFalse(PacketVerifier.forBags().verify(warning.resolve(name)).ok())));
        return Stream.concat(accepted, rejected);
    }

    @Test
    void aValidPlainBagIsNotAnEvidencePacket() throws IOException {
        Path basic = Fixtures.bagitSuite("v1.0/valid/basicBag");
        VerificationReport report = PacketVerifier.forEvidencePackets().verify(basic);
        assertFalse(report.ok());
        assertFalse(report.problemsWith(PacketLayout.SIGNATURE).isEmpty(), report::toString);
    }

    private static Stream<Path> bagsOf(String folder) {
        try {
            return bags(folder).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String name(Path bag) {
        return bag.getParent().getParent().getFileName() + "/" + bag.getFileName();
    }

    private static List<Path> bags(String folder) throws IOException {
        try (Stream<Path> bags = Files.list(Fixtures.bagitSuite(folder))) {
            List<Path> found = bags.filter(Files::isDirectory).sorted().toList();
            assertFalse(found.isEmpty(), "no bags in " + folder);
            return found;
        }
    }
}
