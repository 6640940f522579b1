package org.markguard.detect.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.markguard.api.AssessedListing;
import org.markguard.api.BackfillService;
import org.markguard.api.BackfillStatus;
import org.markguard.api.DetectionService;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.RegistryService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Re-assesses the whole index when the judges change: a detector (id@version) not seen in a
 * finished backfill arrives, or the registries differ from those of the last one. What was last
 * backfilled is kept in {@code ${karaf.data}/markguard/backfill-state.properties}, so a restart
 * does not re-scan everything. Arrivals within a few seconds coalesce into one backfill.
 */
@Component(service = BackfillService.class, immediate = true)
public class Backfiller implements BackfillService {
    private static final System.Logger LOG = System.getLogger(Backfiller.class.getName());
    /** Listings per page of the scan, and per bulk write of the changed ones. */
    static final int PAGE = ListingQuery.MAX_SIZE;

    private final ListingStore store;
    private final DetectionService detection;
    private final RegistryService registries;
    private final BackfillState state;
    private final Map<String, String> present = new ConcurrentHashMap<>(); // id -> id@version
    private final Deque<BackfillRun> runs = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "markguard-backfill");
        t.setDaemon(true);
        return t;
    });
    private volatile String pendingReason;

    @Activate
    public Backfiller(@Reference ListingStore store, @Reference DetectionService detection,
                      @Reference RegistryService registries) {
        this(store, detection, registries, BackfillState.inKarafData());
    }

    Backfiller(ListingStore store, DetectionService detection, RegistryService registries, BackfillState state) {
        this.store = store;
        this.detection = detection;
        this.registries = registries;
        this.state = state;
        worker.scheduleWithFixedDelay(this::tick, 3, 3, TimeUnit.SECONDS);
    }

    @Reference(service = Detector.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDetector(Detector d) {
        present.put(d.id(), d.id() + "@" + d.version());
    }

    void unbindDetector(Detector d) {
        present.remove(d.id());
    }

    /** Starts a backfill when something changed since the last finished one, or when one was asked for. */
    void tick() {
        try {
            String reason = pendingReason;
            if (reason == null) {
                Set<String> unseen = present.values().stream().filter(v -> !state.detectors().contains(v))
                        .collect(Collectors.toCollection(java.util.TreeSet::new));
                if (!unseen.isEmpty()) {
                    reason = "detector " + String.join(", ", unseen) + " not yet run on the index";
                } else if (!Objects.equals(state.registryHash(), BackfillState.hash(registries.current()))) {
                    reason = "registries changed";
                }
            }
            if (reason != null && !running()) {
                pendingReason = null;
                run(reason);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "backfill check failed: " + e);
        }
    }

    @Override
    public synchronized BackfillStatus start(String reason) {
        BackfillRun current = runs.peekFirst();
        if (current != null && current.running()) {
            return current.status();
        }
        pendingReason = reason == null ? "requested" : reason;
        worker.execute(this::tick);
        return new BackfillStatus("pending", org.markguard.api.CrawlState.RUNNING, pendingReason,
                List.copyOf(present.keySet()), 0, 0, 0, java.time.Instant.now(), null, null);
    }

    @Override
    public List<BackfillStatus> history() {
        return runs.stream().map(BackfillRun::status).toList();
    }

    private boolean running() {
        BackfillRun current = runs.peekFirst();
        return current != null && current.running();
    }

    /**
     * Runs on the worker thread: scans every listing (a snapshot, so a listing updated here is not
     * seen again), assesses each page at once and writes those whose findings change, one bulk
     * request per page.
     */
    private void run(String reason) {
        Set<String> active = Set.copyOf(present.keySet());
        Set<String> versions = Set.copyOf(present.values());
        String registryHash = BackfillState.hash(registries.current());
        BackfillRun run = new BackfillRun(UUID.randomUUID().toString(), reason, List.copyOf(new java.util.TreeSet<>(active)));
        runs.addFirst(run);
        while (runs.size() > 20) {
            runs.removeLast();
        }
        LOG.log(Level.INFO, "backfill " + run.id + " started: " + reason);
        try {
            // where the time goes, for the log: detection, waiting for writes, and the rest (waiting for pages)
            long[] detectionNanos = new long[1];
            long started = System.nanoTime();
            try (OverlappedWrites writes = new OverlappedWrites(store)) {
                store.scan(new ListingQuery(null, null, null, null, null, PAGE, null), page -> {
                    if (run.done == 0) {
                        run.total = page.total();
                    }
                    long t0 = System.nanoTime();
                    List<AssessedListing> changed = reassess(page.items(), active);
                    detectionNanos[0] += System.nanoTime() - t0;
                    run.changed += writes.submit(changed); // written while the next page is assessed
                    run.done += page.items().size();
                });
                run.changed += writes.await();
                double seconds = (System.nanoTime() - started) / 1e9;
                state.save(versions, registryHash); // before FINISHED shows: a reader may act on it at once
                run.finish(org.markguard.api.CrawlState.FINISHED, null);
                LOG.log(Level.INFO, String.format(java.util.Locale.ROOT, "backfill %s finished: %d listings, %d changed"
                        + " in %.1f s (detection %.1f s, waiting for writes %.1f s of %.1f s writing, reading %.1f s)",
                        run.id, run.done, run.changed, seconds, detectionNanos[0] / 1e9, writes.waitedSeconds(),
                        writes.writingSeconds(), seconds - detectionNanos[0] / 1e9 - writes.waitedSeconds()));
            }
        } catch (Exception e) {
            run.finish(org.markguard.api.CrawlState.FAILED, e.toString());
            LOG.log(Level.WARNING, "backfill " + run.id + " failed: " + e);
        }
    }

    /** The listings of a page whose findings change, with their new findings. */
    private List<AssessedListing> reassess(List<AssessedListing> page, Set<String> active) {
        List<Listing> listings = page.stream().map(AssessedListing::listing).toList();
        // the runtime of this bundle takes a page in one go; another DetectionService one by one
        List<AssessedListing> fresh = detection instanceof DetectionRuntime runtime
                ? runtime.assessAll(listings)
                : listings.stream().map(detection::assess).toList();
        List<AssessedListing> changed = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            AssessedListing updated = withNewFindings(page.get(i), fresh.get(i), active);
            if (updated != null) {
                changed.add(updated);
            }
        }
        return changed;
    }

    /** The listing with its new findings, or null when they did not change. */
    private static AssessedListing withNewFindings(AssessedListing stored, AssessedListing fresh, Set<String> active) {
        List<Finding> findings = new ArrayList<>(fresh.findings());
        // findings of detectors that left stay for the audit trail; they no longer count to the risk
        stored.findings().stream().filter(f -> !active.contains(f.detectorId())).forEach(findings::add);
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        if (findings.equals(stored.findings()) && fresh.risk() == stored.risk()) {
            return null;
        }
        // only findings and risk are written. A crawl storing a newer capture of this listing while
        // its page is being assessed may see its findings replaced by these; it is re-assessed at
        // its next crawl.
        return new AssessedListing(stored.listing(), findings, fresh.risk(), stored.history());
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }
}
