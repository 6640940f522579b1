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
import org.markguard.api.ListingPage;
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
    static final int PAGE = 200;

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

    /** Runs on the worker thread: pages through every listing and stores those whose findings change. */
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
            String after = null;
            boolean first = true;
            do {
                ListingPage page = store.search(new ListingQuery(null, null, null, null, null, PAGE, after));
                if (first) {
                    run.total = page.total();
                    first = false;
                }
                List<AssessedListing> changed = new ArrayList<>();
                for (AssessedListing stored : page.items()) {
                    AssessedListing updated = reassess(stored, active);
                    run.done++;
                    if (updated != null) {
                        changed.add(updated);
                    }
                }
                run.changed += store.updateFindings(changed); // one round trip per page
                after = page.next();
            } while (after != null);
            state.save(versions, registryHash); // before FINISHED shows: a reader may act on it at once
            run.finish(org.markguard.api.CrawlState.FINISHED, null);
            LOG.log(Level.INFO, "backfill " + run.id + " finished: " + run.done + " listings, " + run.changed + " changed");
        } catch (Exception e) {
            run.finish(org.markguard.api.CrawlState.FAILED, e.toString());
            LOG.log(Level.WARNING, "backfill " + run.id + " failed: " + e);
        }
    }

    /** The listing with its new findings, or null when they did not change. */
    private AssessedListing reassess(AssessedListing stored, Set<String> active) {
        AssessedListing fresh = detection.assess(stored.listing());
        List<Finding> findings = new ArrayList<>(fresh.findings());
        // findings of detectors that left stay for the audit trail; they no longer count to the risk
        stored.findings().stream().filter(f -> !active.contains(f.detectorId())).forEach(findings::add);
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        if (findings.equals(stored.findings()) && fresh.risk() == stored.risk()) {
            return null;
        }
        // only findings and risk are written. A crawl storing a newer capture of this listing within
        // the same page window (200 listings) may see its findings replaced by these; it is re-assessed
        // at its next crawl.
        return new AssessedListing(stored.listing(), findings, fresh.risk(), stored.history());
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }
}
