package org.markguard.detect.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Listing;

/**
 * Runs detectors on a bounded thread pool, each within a time budget, so that a detector that throws,
 * hangs or is slow costs only its own findings for that listing and never stalls the caller or the
 * other detectors.
 *
 * <p>The budget starts when the detector starts running, not when it is queued, so a busy pool does
 * not make healthy detectors look slow; a run that cannot even start, while the whole pool makes no
 * progress for {@link #queuePatienceMs}, is abandoned too. An overrun run is interrupted; a detector
 * that ignores interrupts keeps its thread, so a detector with {@link #MAX_STUCK} such runs is
 * skipped until they end, which keeps one bad detector from occupying the whole pool.
 */
final class DetectorExecutor {
    static final long DEFAULT_BUDGET_MS = 200;
    static final int MAX_STUCK = 2;
    /** Listings one detector works through per hand-off to the pool. */
    static final int BATCH = 64;
    private static final System.Logger LOG = System.getLogger(DetectorExecutor.class.getName());

    private final ExecutorService pool;
    private final long budgetNanos;
    private final long queuePatienceNanos;
    private final AtomicLong progress = new AtomicLong(); // when a detector last started on a listing

    DetectorExecutor(long budgetMs, int threads) {
        long budget = budgetMs > 0 ? budgetMs : DEFAULT_BUDGET_MS;
        this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budget);
        this.queuePatienceNanos = TimeUnit.MILLISECONDS.toNanos(queuePatienceMs(budget));
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    static int defaultThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    static long queuePatienceMs(long budgetMs) {
        return Math.max(1000, 10 * budgetMs);
    }

    long budgetMs() {
        return TimeUnit.NANOSECONDS.toMillis(budgetNanos);
    }

    /**
     * Runs every entry's current detector on each listing (with the context at the same index);
     * returns each listing's findings, unordered. The listings go to the pool in batches of up to
     * {@link #BATCH} per detector, so a page costs a few hand-offs instead of one per listing and
     * detector; budgets and failures stay per listing and detector.
     */
    List<List<Finding>> runAll(List<DetectorEntry> entries, List<Listing> listings, List<DetectionContext> contexts) {
        List<List<Finding>> findings = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            findings.add(new ArrayList<>());
        }
        Deque<DetectorBatch> batches = new ArrayDeque<>();
        for (DetectorEntry entry : entries) {
            Detector detector = entry.current();
            if (detector != null) {
                submit(entry, detector, listings, contexts, 0, listings.size(), batches);
            }
        }
        while (!batches.isEmpty()) {
            DetectorBatch batch = batches.poll();
            boolean finished;
            try {
                finished = batch.await(budgetNanos, queuePatienceNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller stops: give up on everything left
                batch.abandon();
                batches.forEach(DetectorBatch::abandon);
                return findings;
            }
            if (finished) {
                collect(batch, batch.to, findings);
                continue;
            }
            int resumeAt = batch.abandon();
            collect(batch, resumeAt, findings);
            if (!batch.started()) {
                for (int i = batch.from; i < batch.to; i++) {
                    batch.entry.countError();
                }
                LOG.log(Level.WARNING, "detector {0} could not start on {1} listing(s) within {2} ms: the pool is saturated",
                        batch.entry.id(), batch.to - batch.from, TimeUnit.NANOSECONDS.toMillis(queuePatienceNanos));
                continue;
            }
            if (batch.overran() >= 0) {
                LOG.log(Level.WARNING, "detector {0} overran its budget of {1} ms on listing {2} and was abandoned",
                        batch.entry.id(), budgetMs(), listings.get(batch.overran()).id());
            }
            Detector detector = batch.entry.current();
            if (detector != null && resumeAt < batch.to) {
                submit(batch.entry, detector, listings, contexts, resumeAt, batch.to, batches);
            }
        }
        return findings;
    }

    /** Queues batches of one detector over listings {@code from..to-1}, unless it is stuck. */
    private void submit(DetectorEntry entry, Detector detector, List<Listing> listings, List<DetectionContext> contexts,
                        int from, int to, Deque<DetectorBatch> batches) {
        if (entry.stuck().get() >= MAX_STUCK) {
            for (int i = from; i < to; i++) {
                entry.countError();
            }
            LOG.log(Level.WARNING, "detector {0} skipped for {1} listing(s) (first {2}): {3} earlier runs still hang",
                    entry.id(), to - from, listings.get(from).id(), entry.stuck().get());
            return;
        }
        for (int start = from; start < to; start += BATCH) {
            DetectorBatch batch = new DetectorBatch(entry, detector, listings, contexts, start, Math.min(to, start + BATCH),
                    progress);
            try {
                pool.execute(batch);
            } catch (RejectedExecutionException e) {
                // the pool is being replaced (new budget) or the runtime stops: not the detector's fault
                LOG.log(Level.DEBUG, "detector {0} not run: the runtime is stopping", entry.id());
                return;
            }
            batches.add(batch);
        }
    }

    /** Adds the batch's results for listings before {@code end} and counts them against the detector. */
    private static void collect(DetectorBatch batch, int end, List<List<Finding>> findings) {
        for (int i = batch.from; i < end; i++) {
            if (batch.failed(i)) {
                batch.entry.countError();
                continue;
            }
            List<Finding> found = batch.findings(i);
            if (found != null) {
                batch.entry.countFindings(found.size());
                findings.get(i).addAll(found);
            }
        }
    }

    /** Stops the pool; {@code interrupt}: also interrupt running detectors instead of letting them finish. */
    void shutdown(boolean interrupt) {
        if (interrupt) {
            pool.shutdownNow();
        } else {
            pool.shutdown();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "markguard-detect-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
