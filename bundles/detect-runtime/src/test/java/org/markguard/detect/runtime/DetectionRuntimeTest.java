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

    private static List<Listing> page(int n) {
        List<Listing> page = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            page.add(new Listing(null, "https://shop.example/p/" + i, "test", "Gucci bag " + i, null, null, null, null,
                    null, null, null, null, null, null));
        }
        return page;
    }

    @Test
    void aPageIsAssessedAsEachListingAloneWouldBe() {
        runtime.addDetector(FakeDetector.finding("strong", 0.9), "b");
        runtime.addDetector(new FakeDetector("odd", (l, c) -> l.title().endsWith("1") || l.title().endsWith("3")
                ? List.of(FakeDetector.finding("odd", "s", 0.5)) : List.of()), "b");
        List<Listing> listings = page(150); // more than one batch per detector
        List<AssessedListing> assessed = runtime.assessAll(listings);
        assertEquals(150, assessed.size());
        for (int i = 0; i < listings.size(); i++) {
            assertSame(listings.get(i), assessed.get(i).listing());
            assertEquals(runtime.assess(listings.get(i)).findings(), assessed.get(i).findings(), "listing " + i);
        }
        assertEquals(0, infos().get("odd").errors());
    }

    @Test
    void aDetectorFailingOrHangingOnOneListingOfAPageCostsOnlyThatListing() {
        runtime.addDetector(new FakeDetector("flaky", (l, c) -> {
            if (l.title().equals("Gucci bag 7")) {
                throw new IllegalStateException("broken on purpose");
            }
            if (l.title().equals("Gucci bag 70")) {
                FakeDetector.hanging("x").detect(l, c); // overruns the 100 ms budget, then stops on interrupt
            }
            return List.of(FakeDetector.finding("flaky", "s", 0.5));
        }), "b");
        runtime.addDetector(FakeDetector.finding("good", 0.4), "b");
        List<AssessedListing> assessed = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> runtime.assessAll(page(100)));
        for (int i = 0; i < 100; i++) {
            List<String> ids = assessed.get(i).findings().stream().map(Finding::detectorId).toList();
            assertEquals(i == 7 || i == 70 ? List.of("good") : List.of("flaky", "good"), ids, "listing " + i);
        }
        assertEquals(2, infos().get("flaky").errors());
        assertEquals(98, infos().get("flaky").findings());
        assertEquals(100, infos().get("good").findings());
    }

    @Test
    void aDetectorThatIgnoresInterruptsIsSkippedOnceItHoldsTooManyThreads() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        runtime.addDetector(new FakeDetector("stubborn", (l, c) -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // ignores the interrupt on purpose
                }
            }
            return List.of();
        }), "b");
        runtime.addDetector(FakeDetector.finding("good", 0.4), "b");
        try {
            List<AssessedListing> assessed = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> runtime.assessAll(page(10)));
            assertTrue(assessed.stream().allMatch(a -> a.findings().size() == 1), "the good detector still ran");
            // two listings overran, the other eight were skipped: every listing counts one error
            assertEquals(10, infos().get("stubborn").errors());
        } finally {
            release.countDown();
        }
    }
}
