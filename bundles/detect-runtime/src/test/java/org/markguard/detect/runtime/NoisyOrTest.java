package org.markguard.detect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.Finding;

class NoisyOrTest {
    private static Finding f(double score) {
        return FakeDetector.finding("d", "s", score);
    }

    @Test
    void noFindingIsNoRisk() {
        assertEquals(0.0, NoisyOr.risk(List.of()));
    }

    @Test
    void oneFindingIsItsScore() {
        assertEquals(0.6, NoisyOr.risk(List.of(f(0.6))), 1e-9);
    }

    @Test
    void twoMediumSignalsOutrankOne() {
        double two = NoisyOr.risk(List.of(f(0.5), f(0.5)));
        assertEquals(0.75, two, 1e-9);
        assertTrue(two > NoisyOr.risk(List.of(f(0.6))));
    }

    @Test
    void certainFindingGivesCertainRiskAndNeverMore() {
        assertEquals(1.0, NoisyOr.risk(List.of(f(1.0), f(0.3))), 1e-9);
        assertTrue(NoisyOr.risk(List.of(f(0.99), f(0.99), f(0.99), f(0.99))) <= 1.0);
    }
}
