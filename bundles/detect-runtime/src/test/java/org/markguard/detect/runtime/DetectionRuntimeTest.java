package org.markguard.detect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.DetectorInfo;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.Registries;

class DetectionRuntimeTest {
    @TempDir
    Path dir;
    private final DetectionRuntime runtime = new DetectionRuntime();

    @BeforeEach
    void start() {
        runtime.start(dir, 100); // empty folder: empty registries, a warning, no failure
    }

    @AfterEach
    void stop() {
        runtime.stop();
    }

    private static Listing listing() {
        return new Listing(null, "https://shop.example/p/1", "test", "Gucci bag", null, null, null, null, null,
                null, null, null, null, null);
    }

    private Map<String, DetectorInfo> infos() {
        return runtime.detectors().stream().collect(Collectors.toMap(DetectorInfo::id, info -> info));
    }

    @Test
    void startsWithEmptyRegistriesWhenFilesAreMissing() {
        assertEquals(Registries.EMPTY, runtime.current());
    }

    @Test
    void detectorArrivesRunsAndLeavesButStaysListedInactiveWithItsCounters() {
        FakeDetector fake = FakeDetector.finding("fake", 0.5);
        runtime.addDetector(fake, "org.example.fake");
        assertEquals(1, runtime.assess(listing()).findings().size());
        DetectorInfo active = infos().get("fake");
        assertEquals("ACTIVE", active.state());
        assertEquals("org.example.fake", active.bundle());
        assertEquals("fake fake", active.name());
        assertEquals(1, active.findings());

        runtime.removeDetector(fake);
        AssessedListing after = runtime.assess(listing());
        assertTrue(after.findings().isEmpty());
        assertEquals(0.0, after.risk());
        DetectorInfo gone = infos().get("fake");
        assertEquals("INACTIVE", gone.state());
        assertEquals(1, gone.findings());
        assertEquals("org.example.fake", gone.bundle());
    }

    @Test
    void aReturningDetectorContinuesItsCounters() {
        FakeDetector first = FakeDetector.finding("fake", 0.5);
        runtime.addDetector(first, "b1");
        runtime.assess(listing());
        runtime.removeDetector(first);
        runtime.addDetector(FakeDetector.finding("fake", 0.5), "b2");
        runtime.assess(listing());
        DetectorInfo info = infos().get("fake");
        assertEquals("ACTIVE", info.state());
        assertEquals("b2", info.bundle());
        assertEquals(2, info.findings());
        assertEquals(1, runtime.detectors().size());
    }

    @Test
    void aSecondProviderOfTheSameIdTakesOverWhenTheFirstLeaves() {
        FakeDetector first = FakeDetector.finding("fake", 0.3);
        FakeDetector second = FakeDetector.finding("fake", 0.9);
        runtime.addDetector(first, "b1");
        runtime.addDetector(second, "b2");
        assertEquals(0.3, runtime.assess(listing()).risk(), 1e-9);
        runtime.removeDetector(first);
        assertEquals(0.9, runtime.assess(listing()).risk(), 1e-9);
        assertEquals("b2", infos().get("fake").bundle());
    }

    @Test
    void throwingHangingAndNullDetectorsDoNotStopTheOthersAndAreCounted() {
        runtime.addDetector(FakeDetector.finding("good-a", 0.5), "b");
        runtime.addDetector(FakeDetector.throwing("thrower"), "b");
        runtime.addDetector(FakeDetector.hanging("sleeper"), "b");
        runtime.addDetector(new FakeDetector("nothing", (listing, context) -> null), "b");
        runtime.addDetector(FakeDetector.finding("good-b", 0.4), "b");

        AssessedListing assessed = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> runtime.assess(listing()));

        assertEquals(List.of("good-a", "good-b"),
                assessed.findings().stream().map(Finding::detectorId).toList());
        Map<String, DetectorInfo> infos = infos();
        assertEquals(1, infos.get("thrower").errors());
        assertEquals(1, infos.get("sleeper").errors());
        assertEquals(0, infos.get("sleeper").findings());
        assertEquals(0, infos.get("nothing").errors());
        assertEquals(0, infos.get("good-a").errors());
        assertEquals(1, infos.get("good-b").findings());
    }

    @Test
    void slowDetectorDoesNotDelayTheListingBeyondTheBudget() {
        runtime.addDetector(FakeDetector.hanging("sleeper-1"), "b");
        runtime.addDetector(FakeDetector.hanging("sleeper-2"), "b");
        long start = System.nanoTime();
        runtime.assess(listing());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 1500, "took " + tookMs + " ms");
    }

    @Test
    void findingsAreSortedStrongestFirstAndRiskIsTheNoisyOr() {
        runtime.addDetector(FakeDetector.finding("weak", 0.2), "b");
        runtime.addDetector(FakeDetector.finding("strong", 0.9), "b");
        runtime.addDetector(FakeDetector.finding("medium", 0.5), "b");
        AssessedListing assessed = runtime.assess(listing());
        assertEquals(List.of(0.9, 0.5, 0.2), assessed.findings().stream().map(Finding::score).toList());
        assertEquals(1 - 0.1 * 0.5 * 0.8, assessed.risk(), 1e-9);
    }

    @Test
    void detectorsSeeTheRegistriesInForce() throws Exception {
        AtomicReference<Registries> seen = new AtomicReference<>();
        runtime.addDetector(new FakeDetector("peek", (listing, context) -> {
            seen.set(context.registries());
            return List.of();
        }), "b");
        runtime.replaceBrands(("{\"brands\":[{\"id\":\"x\",\"names\":[\"X\"],\"productTerms\":[],"
                + "\"officialSellers\":[],\"niceClasses\":[]}]}").getBytes());
        runtime.assess(listing());
        assertSame(runtime.current(), seen.get());
        assertEquals("x", seen.get().brands().get(0).id());
    }

    @Test
    void manyListingsInParallelAreAllAssessed() throws Exception {
        runtime.addDetector(FakeDetector.finding("fake", 0.5), "b");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                for (int k = 0; k < 50; k++) {
                    runtime.assess(listing());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(400, infos().get("fake").findings());
        assertEquals(0, infos().get("fake").errors());
    }
}
