package org.markguard.detect.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.BackfillStatus;
import org.markguard.api.CrawlState;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.DetectorInfo;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.RegistryService;
import org.markguard.api.Registries;
import org.markguard.api.DetectionService;

class BackfillerTest {
    private final Map<String, AssessedListing> index = new LinkedHashMap<>();

    private final ListingStore store = new ListingStore() {
        @Override
        public void store(AssessedListing listing) {
            index.put(listing.listing().id(), listing);
        }

        @Override
        public void markGone(String id, Instant when) {
        }

        @Override
        public Optional<AssessedListing> get(String id) {
            return Optional.ofNullable(index.get(id));
        }

        @Override
        public ListingPage search(ListingQuery q) {
            List<AssessedListing> all = new ArrayList<>(index.values());
            int from = q.after() == null ? 0 : Integer.parseInt(q.after());
            int to = Math.min(all.size(), from + q.size());
            return new ListingPage(all.size(), all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
        }

        @Override
        public void refresh() {
        }

        @Override
        public String health() {
            return "green";
        }
    };

    /** Flags listings whose title contains "rep". */
    private final Detector slang = new Detector() {
        public String id() {
            return "slang";
        }

        public String version() {
            return "1";
        }

        public String name() {
            return "slang";
        }

        public List<Finding> detect(Listing l, DetectionContext c) {
            return l.title().contains("rep") ? List.of(new Finding("slang", "1", FindingKind.OTHER, "s", 0.4, List.of("rep"),
                    List.of())) : List.of();
        }
    };

    private final DetectionService detection = new DetectionService() {
        public AssessedListing assess(Listing l) {
            List<Finding> f = slang.detect(l, () -> Registries.EMPTY);
            return new AssessedListing(l, f, f.isEmpty() ? 0 : 0.4);
        }

        public List<DetectorInfo> detectors() {
            return List.of();
        }
    };

    private final RegistryService registries = new RegistryService() {
        public Registries current() {
            return Registries.EMPTY;
        }

        public int replaceBrands(byte[] json) {
            return 0;
        }

        public int replaceIndications(byte[] json) {
            return 0;
        }
    };

    private static Listing listing(int i, String title) {
        return new Listing(null, "http://h/" + i, "p", title, null, null, null, null, null, Instant.EPOCH, null, "HTML",
                null, null);
    }

    @Test
    void aNewDetectorRescansTheIndexKeepsInactiveFindingsAndRemembersItRan(@TempDir Path dir) throws Exception {
        Finding old = new Finding("gone-detector", "1", FindingKind.TRADEMARK, "x", 0.9, List.of("old"), List.of());
        for (int i = 0; i < 450; i++) {
            store.store(new AssessedListing(listing(i, i % 3 == 0 ? "hàng rep" : "ok"), i == 0 ? List.of(old) : List.of(),
                    i == 0 ? 0.9 : 0));
        }
        Path stateFile = dir.resolve("state.properties");
        Backfiller backfiller = new Backfiller(store, detection, registries, new BackfillState(stateFile));
        backfiller.bindDetector(slang);
        BackfillStatus done = waitForFinished(backfiller);
        assertEquals(450, done.total());
        assertEquals(450, done.done());
        assertEquals(150, done.changed());
        assertTrue(done.reason().contains("slang@1"), done.reason());
        AssessedListing first = index.get(listing(0, "").id());
        assertEquals(List.of("gone-detector", "slang"), first.findings().stream().map(Finding::detectorId).sorted().toList(),
                "the removed detector's finding stays");
        assertEquals(0.4, first.risk(), 1e-9, "only active detectors count to the risk");
        backfiller.deactivate();

        Backfiller restarted = new Backfiller(store, detection, registries, new BackfillState(stateFile));
        restarted.bindDetector(slang);
        Thread.sleep(4_000);
        assertTrue(restarted.history().isEmpty(), "a restart with the same detectors must not re-scan: " + restarted.history());
        restarted.deactivate();
    }

    private static BackfillStatus waitForFinished(Backfiller b) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!b.history().isEmpty() && b.history().get(0).state() == CrawlState.FINISHED) {
                return b.history().get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished backfill: " + b.history());
    }
}
