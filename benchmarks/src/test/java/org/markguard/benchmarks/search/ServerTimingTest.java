package org.markguard.benchmarks.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServerTimingTest {
    @Test
    void readsTheStoreWaitAndTheServerTimeInNanoseconds() {
        assertEquals(new ServerTiming(3_450_000, 12_000_000), ServerTiming.parse("store;dur=3.45, app;dur=12.00"));
        assertEquals(new ServerTiming(1_000_000, 2_000_000), ServerTiming.parse("store;dur=1, app;dur=2"));
    }

    @Test
    void anythingElseIsNoTiming() {
        assertNull(ServerTiming.parse(null));
        assertNull(ServerTiming.parse("app;dur=2.00"));
        assertNull(ServerTiming.parse("store;dur=x, app;dur=2"));
    }
}
