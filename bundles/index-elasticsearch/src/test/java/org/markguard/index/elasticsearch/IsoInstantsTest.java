package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly what Instant.parse gives, and fail where it fails. */
class IsoInstantsTest {

    private static void sameAsInstantParse(String text) {
        Object expected;
        try {
            expected = Instant.parse(text);
        } catch (RuntimeException e) {
            expected = e.getClass();
        }
        Object actual;
        try {
            actual = IsoInstants.parse(text);
        } catch (RuntimeException e) {
            actual = e.getClass();
        }
        assertEquals(expected, actual, text);
    }

    @Test
    void everyInstantTheStoreWritesReadsBackExactly() {
        Random random = new Random(7);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = Math.floorMod(random.nextLong(), max);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant, IsoInstants.parse(instant.toString()));
        }
    }

    @Test
    void otherTextsBehaveAsInstantParse() {
        for (String text : List.of("2026-03-30T21:28:55.319Z", "2026-03-30T21:28:55Z", "2026-03-30T21:28:55.1Z",
                "2026-03-30T21:28:55.123456789Z", "2026-03-30T21:28:55.1234567890Z", "2026-03-30T21:28:55.Z",
                "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-03-30T24:00:00Z", "2026-03-30T23:60:00Z", "2026-03-30T23:59:60Z", "2026-03-30t21:28:55Z",
                "2026-03-30T21:28:55z", "2026-03-30T21:28:55+07:00", "2026-03-30T21:28:55.5+07:00", "+12026-03-30T21:28:55Z",
                "2026-3-30T21:28:55Z", "2026-03-30 21:28:55Z", "20a6-03-30T21:28:55Z", "2026-03-30T21:28Z", "", "Z",
                "0000-01-01T00:00:00Z", "2026-03-30T21:28:55.-19Z", "2026-03-30T21:28:55,319Z")) {
            sameAsInstantParse(text);
        }
    }

    @Test
    void nullIsNull() {
        assertNull(IsoInstants.parse(null));
    }
}
