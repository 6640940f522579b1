package org.markguard.extract.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.markguard.api.ImageFacts;

class ImageInspectorComponentTest {
    private final ImageInspectorComponent inspector = new ImageInspectorComponent();

    private String hash(byte[] bytes) {
        ImageFacts facts = inspector.inspect("http://shop.test/a.jpg", "image/jpeg", bytes);
        assertNotNull(facts.perceptualHash(), () -> "no hash: " + facts.warnings());
        return facts.perceptualHash();
    }

    @Test
    void sameSceneReEncodedOrResizedKeepsItsHash() {
        BufferedImage original = TestImages.scene(7, 800, 600);
        String expected = hash(TestImages.png(original));
        assertTrue(expected.matches("[0-9a-f]{16}"), expected);
        assertEquals(expected, hash(TestImages.jpeg(original, 0.9f)), "JPEG q0.9");
        assertEquals(expected, hash(TestImages.jpeg(original, 0.6f)), "JPEG q0.6");
        assertEquals(expected, hash(TestImages.jpeg(TestImages.resized(original, 480, 360), 0.75f)), "480x360 q0.75");
        assertEquals(expected, hash(TestImages.png(TestImages.resized(original, 320, 240))), "320x240 PNG");
    }

    @Test
    void differentScenesGetDifferentHashes() {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            String h = hash(TestImages.jpeg(TestImages.scene(seed, 320, 240), 0.8f));
            assertTrue(seen.add(h), "seed " + seed + " collides: " + h);
        }
        String a = hash(TestImages.png(TestImages.scene(1, 320, 240)));
        String b = hash(TestImages.png(TestImages.scene(2, 320, 240)));
        assertTrue(DifferenceHash.distance(a, b) > 10, a + " vs " + b);
    }

    @Test
    void reportsSizeAndExifOfAJpeg() {
        byte[] jpeg = TestImages.jpeg(TestImages.scene(3, 640, 480), 0.85f);
        byte[] withExif = TestImages.withApp1(jpeg, ExifSegment.payload("Canon", "EOS 80D",
                "Hang chinh hang", "2025:05:14 09:30:00", new int[] {21, 1, 30}, new int[] {105, 51, 0}));
        ImageFacts facts = inspector.inspect("http://shop.test/p.jpg", "image/jpeg", withExif);
        assertEquals(640, facts.width());
        assertEquals(480, facts.height());
        assertEquals(hash(jpeg), facts.perceptualHash(), "EXIF does not change the pixels");
        assertEquals("Canon", facts.metadata().get("make"), facts.metadata().toString());
        assertEquals("EOS 80D", facts.metadata().get("model"));
        assertEquals("Hang chinh hang", facts.metadata().get("description"));
        assertTrue(facts.metadata().get("dateTaken").startsWith("2025-05-14T09:30:00"), facts.metadata().toString());
        assertEquals(21.025, Double.parseDouble(facts.metadata().get("gpsLatitude")), 1e-6);
        assertEquals(105.85, Double.parseDouble(facts.metadata().get("gpsLongitude")), 1e-6);
        assertTrue(facts.warnings().isEmpty(), facts.warnings().toString());
    }

    @Test
    void aPhotoWithoutExifHasNoMetadata() {
        ImageFacts facts = inspector.inspect("u", "image/png", TestImages.png(TestImages.scene(4, 100, 80)));
        assertNotNull(facts.perceptualHash());
        assertTrue(facts.metadata().isEmpty(), facts.metadata().toString());
    }

    @Test
    void refusesADecompressionBombBeforeDecoding() {
        byte[] bomb = TestImages.pngDeclaring(100_000, 100_000);
        long start = System.nanoTime();
        ImageFacts facts = inspector.inspect("http://shop.test/bomb.png", "image/png", bomb);
        assertNull(facts.perceptualHash());
        assertEquals(100_000, facts.width());
        assertTrue(facts.warnings().get(0).startsWith("refused"), facts.warnings().toString());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "took too long: decoded?");
    }

    @Test
    void aConfiguredPixelCapApplies() {
        inspector.configure(config(1000, 1000, 1 << 20, 512));
        ImageFacts facts = inspector.inspect("u", "image/png", TestImages.png(TestImages.scene(5, 40, 30)));
        assertNull(facts.perceptualHash());
        assertTrue(facts.warnings().get(0).contains("cap of 1000"), facts.warnings().toString());
    }

    @Test
    void largeImagesAreDecodedSubsampledWithTheSameHash() {
        BufferedImage big = TestImages.scene(6, 2400, 1800);
        String full = hash(TestImages.png(big));
        inspector.configure(config(40_000_000, 100_000, 50 << 20, 512));
        assertEquals(full, hash(TestImages.png(big)));
    }

    @Test
    void garbageGivesNoHashAndAWarning() {
        byte[] garbage = new byte[4096];
        new SplittableRandom(1).nextBytes(garbage);
        for (byte[] bytes : List.of(garbage, "<html>not an image</html>".getBytes(), new byte[0],
                java.util.Arrays.copyOf(TestImages.jpeg(TestImages.scene(8, 200, 150), 0.8f), 40))) {
            ImageFacts facts = inspector.inspect("http://shop.test/x", "text/html", bytes);
            assertNull(facts.perceptualHash());
            assertFalse(facts.warnings().isEmpty());
        }
        assertNull(inspector.inspect("u", null, null).perceptualHash());
    }

    @Test
    void tooManyBytesAreNotRead() {
        inspector.configure(config(40_000_000, 1_000_000, 100, 512));
        ImageFacts facts = inspector.inspect("u", "image/png", TestImages.png(TestImages.scene(9, 50, 50)));
        assertNull(facts.perceptualHash());
        assertTrue(facts.warnings().get(0).startsWith("refused"));
        assertNotEquals(0, facts.warnings().size());
    }

    private static ImageInspectorConfig config(long maxPixels, long decodePixels, int maxBytes, int maxChars) {
        return new ImageInspectorConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ImageInspectorConfig.class;
            }

            @Override
            public long maxPixels() {
                return maxPixels;
            }

            @Override
            public long decodePixels() {
                return decodePixels;
            }

            @Override
            public int maxBytes() {
                return maxBytes;
            }

            @Override
            public int maxMetadataValueChars() {
                return maxChars;
            }
        };
    }
}
