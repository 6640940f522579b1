package org.markguard.detect.runtime;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * not make healthy detectors look slow; a run that cannot even start within {@link #queuePatienceMs}
 * is abandoned too. An overrun run is interrupted; a detector that ignores interrupts keeps its thread,
 * so a detector with {@link #MAX_STUCK} such runs is skipped until they end, which keeps one bad
 * detector from occupying the whole pool.
 */
final class DetectorExecutor {
    static final long DEFAULT_BUDGET_MS = 200;
    static final int MAX_STUCK = 2;
    private static final System.Logger LOG = System.getLogger(DetectorExecutor.class.getName());

    private final ExecutorService pool;
    private final long budgetNanos;
    private final long queuePatienceNanos;

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

    /** Runs every entry's current detector on the listing; returns all findings, unordered. */
    List<Finding> runAll(List<DetectorEntry> entries, Listing listing, DetectionContext context) {
        List<Run> runs = new ArrayList<>(entries.size());
        for (DetectorEntry entry : entries) {
            Detector detector = entry.current();
            if (detector == null) {
                continue;
            }
            if (entry.stuck().get() >= MAX_STUCK) {
                entry.countError();
                LOG.log(Level.WARNING, "detector {0} skipped for listing {1}: {2} earlier runs still hang",
                        entry.id(), listing.id(), entry.stuck().get());
                continue;
            }
            Run run = new Run(entry, detector, listing, context);
            try {
                run.future = pool.submit(run::call);
            } catch (RejectedExecutionException e) {
                // the pool is being replaced (new budget) or the runtime stops: not the detector's fault
                LOG.log(Level.DEBUG, "detector {0} not run on listing {1}: runtime is stopping", entry.id(),
                        listing.id());
                continue;
            }
            runs.add(run);
        }
        List<Finding> findings = new ArrayList<>();
        for (Run run : runs) {
            List<Finding> found = await(run);
            if (found == null) {
                run.entry.countError();
            } else {
                run.entry.countFindings(found.size());
                findings.addAll(found);
            }
        }
        return findings;
    }

    /** The run's findings, or null when it threw, overran or could not start. */
    private List<Finding> await(Run run) {
        while (true) {
            long started = run.startedAt;
            long deadline = started != 0 ? started + budgetNanos : run.submittedAt + queuePatienceNanos;
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining > 0) {
                    return run.future.get(remaining, TimeUnit.NANOSECONDS);
                }
                if (run.future.isDone()) {
                    return run.future.get();
                }
            } catch (TimeoutException e) {
                continue; // re-read startedAt: a queued run gets its full budget once it starts
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "detector " + run.entry.id() + " failed on listing " + run.listing.id(),
                        e.getCause());
                return null;
            } catch (CancellationException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.abandon();
                return null;
            }
            if (started == 0 && run.startedAt != 0) {
                continue; // it started just now
            }
            run.abandon();
            LOG.log(Level.WARNING, started == 0
                            ? "detector {0} could not start on listing {1} within {2} ms: the pool is saturated"
                            : "detector {0} overran its budget of {2} ms on listing {1} and was abandoned",
                    run.entry.id(), run.listing.id(),
                    started == 0 ? TimeUnit.NANOSECONDS.toMillis(queuePatienceNanos) : budgetMs());
            return null;
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

    /** One detector on one listing. */
    private static final class Run {
        private static final int RUNNING = 0;
        private static final int FINISHED = 1;
        private static final int ABANDONED = 2;

        final DetectorEntry entry;
        final Detector detector;
        final Listing listing;
        final DetectionContext context;
        final long submittedAt = System.nanoTime();
        volatile long startedAt;
        volatile Future<List<Finding>> future;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        Run(DetectorEntry entry, Detector detector, Listing listing, DetectionContext context) {
            this.entry = entry;
            this.detector = detector;
            this.listing = listing;
            this.context = context;
        }

        List<Finding> call() {
            startedAt = Math.max(1, System.nanoTime());
            try {
                List<Finding> found = detector.detect(listing, context);
                return found == null ? List.of() : found.stream().filter(Objects::nonNull).toList();
            } finally {
                if (!state.compareAndSet(RUNNING, FINISHED)) {
                    entry.stuck().decrementAndGet(); // an abandoned run finally let go of its thread
                }
            }
        }

        /** Gives up on the run; a run that already started counts as stuck until it really ends. */
        void abandon() {
            if (startedAt != 0 && state.compareAndSet(RUNNING, ABANDONED)) {
                entry.stuck().incrementAndGet();
            }
            future.cancel(true);
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
