package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void parsesTheLauncherCommandLine() {
        DemoOptions o = DemoOptions.parse("--port", "0", "--listings", "200", "--seed", "42", "--bind", "127.0.0.1");
        assertEquals(0, o.port());
        assertEquals(200, o.listings());
        assertEquals(42, o.seed());
        assertEquals("127.0.0.1", o.bind());
        assertNull(o.baseUrl());
        assertNull(o.labelsFile());
    }

    @Test
    void defaultsToAThousandListingsInGenerationOne() {
        DemoOptions o = DemoOptions.parse();
        assertEquals(1000, o.listings());
        assertEquals(1, o.generation());
        assertEquals(3, DemoOptions.parse("--generation", "3").generation());
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--generation", "0"));
    }

    @Test
    void labelsNeedABaseUrl() {
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--labels", "out.json"));
        DemoOptions o = DemoOptions.parse("--labels", "out.json", "--base-url", "http://127.0.0.1:9000");
        assertEquals(Path.of("out.json"), o.labelsFile());
        assertEquals("http://127.0.0.1:9000/", o.baseUrl());
    }

    @Test
    void rejectsBadValues() {
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--seed", "x"));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--frobnicate", "1"));
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--port"));
    }
}
