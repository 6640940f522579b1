package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Third-party fixtures, read in place from the shared data folder next to the repository (never
 * copied into it): the warcio test WARCs and the Library of Congress BagIt conformance suite.
 */
final class Fixtures {
    static final Path ROOT = Path.of("../../../shared/data/06_evidence_format_fixtures");
    static final Path WARCIO = ROOT.resolve("warcio-test-data/test/data");
    static final Path BAGIT_SUITE = ROOT.resolve("bagit-conformance-suite");

    private Fixtures() {
    }

    static Path warcio(String name) {
        Path file = WARCIO.resolve(name);
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath()
                + " is missing (the shared data folder must be present next to the repository)");
        return file;
    }

    static Path bagitSuite(String relative) {
        Path dir = BAGIT_SUITE.resolve(relative);
        assertTrue(Files.isDirectory(dir), dir.toAbsolutePath()
                + " is missing (the shared data folder must be present next to the repository)");
        return dir;
    }
}
