package org.markguard.detect.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.Registries;
import org.markguard.api.RegistryException;

class RegistryReplaceTest {
    private static final String ONE_BRAND = "{\"note\":\"test\",\"brands\":[{\"id\":\"acme\",\"names\":[\"Acme\"],"
            + "\"productTerms\":[\"anvil\"],\"officialSellers\":[],\"niceClasses\":[8]}]}";
    @TempDir
    Path dir;
    private final DetectionRuntime runtime = new DetectionRuntime();

    @AfterEach
    void stop() {
        runtime.stop();
    }

    private void startWithDefaults() throws Exception {
        Files.write(dir.resolve("brands.json"), RegistryReaderTest.defaultFile("brands.json"));
        Files.write(dir.resolve("gis.json"), RegistryReaderTest.defaultFile("gis.json"));
        runtime.start(dir, 200);
    }

    @Test
    void defaultFilesLoadAtStart() throws Exception {
        startWithDefaults();
        assertEquals(12, runtime.current().brands().size());
        assertEquals(40, runtime.current().indications().size());
    }

    @Test
    void invalidFileAtStartGivesAnEmptyRegistryNotACrash() throws Exception {
        Files.writeString(dir.resolve("brands.json"), "{ not json");
        Files.write(dir.resolve("gis.json"), RegistryReaderTest.defaultFile("gis.json"));
        runtime.start(dir, 200);
        assertTrue(runtime.current().brands().isEmpty());
        assertEquals(40, runtime.current().indications().size());
    }

    @Test
    void validUploadReplacesTheFileAtomicallyAndTheRegistry() throws Exception {
        startWithDefaults();
        byte[] upload = ONE_BRAND.getBytes(StandardCharsets.UTF_8);
        List<?> indicationsBefore = runtime.current().indications();

        assertEquals(1, runtime.replaceBrands(upload));

        assertEquals("acme", runtime.current().brands().get(0).id());
        assertSame(indicationsBefore, runtime.current().indications(), "the other registry is untouched");
        assertArrayEquals(upload, Files.readAllBytes(dir.resolve("brands.json")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("brands.json", "gis.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void invalidUploadKeepsTheOldRegistryAndTheOldFile() throws Exception {
        startWithDefaults();
        Registries before = runtime.current();
        byte[] fileBefore = Files.readAllBytes(dir.resolve("gis.json"));

        RegistryException e = assertThrows(RegistryException.class, () -> runtime.replaceIndications(
                "{\"indications\":[{\"id\":\"x\",\"kind\":\"GI\"}]}".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().contains("indications[0].kind"), e.getMessage());
        assertSame(before, runtime.current());
        assertArrayEquals(fileBefore, Files.readAllBytes(dir.resolve("gis.json")));
    }

    @Test
    void uploadThatCannotBeSavedKeepsTheOldRegistry() throws Exception {
        Path notAFolder = dir.resolve("file");
        Files.writeString(notAFolder, "x");
        runtime.start(notAFolder, 200);
        Registries before = runtime.current();
        RegistryException e = assertThrows(RegistryException.class,
                () -> runtime.replaceBrands(ONE_BRAND.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("could not save brands.json"), e.getMessage());
        assertSame(before, runtime.current());
    }

    @Test
    void uploadCreatesTheFolderWhenMissing() throws Exception {
        Path fresh = dir.resolve("etc/markguard/registry");
        runtime.start(fresh, 200);
        runtime.replaceBrands(ONE_BRAND.getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(fresh.resolve("brands.json")));
    }

    @Test
    void atomicWriteReplacesAnExistingFileWhole() throws Exception {
        Path target = dir.resolve("gis.json");
        Files.writeString(target, "old content that is longer than the new one");
        RegistryFiles.writeAtomically(dir, "gis.json", "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(target));
    }

    @Test
    void registryFolderResolution() {
        assertEquals(Path.of("/opt/karaf/etc/markguard/registry"), RegistryFiles.resolveDir("", "/opt/karaf/etc"));
        assertEquals(Path.of("config/registry"), RegistryFiles.resolveDir(null, null));
        assertEquals(Path.of("/data/reg"), RegistryFiles.resolveDir(" /data/reg ", "/opt/karaf/etc"));
        assertEquals(Path.of("/opt/karaf/etc/markguard/registry"),
                RegistryFiles.resolveDir("${karaf.etc}/markguard/registry", "/opt/karaf/etc"));
    }
}
