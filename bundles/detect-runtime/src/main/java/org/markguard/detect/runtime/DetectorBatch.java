package org.markguard.detect.runtime;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Listing;

/**
 * One detector over consecutive listings of a page, on one pool thread: one hand-off for many
 * listings instead of one per listing. Each listing still has its own time budget, counted from
 * when the detector starts on it, and its own failure: a throw costs that listing's findings only.
 *
 * <p>The waiting thread may give up on the listing being worked on ({@link #abandon}); the
 * batch then stops at that listing, its thread is interrupted, and the waiter hands the rest of
 * the listings to a new batch. State changes are made under the batch's monitor, so an interrupt
 * meant for one listing never hits the detector working on the next.
 */
final class DetectorBatch implements Runnable {
    private static final System.Logger LOG = System.getLogger(DetectorBatch.class.getName());

    final DetectorEntry entry;
    private final Detector detector;
    private final List<Listing> listings;
    private final List<DetectionContext> contexts;
    final int from;
    final int to;
    final long submittedAt = System.nanoTime();
    private final AtomicLong poolProgress;
    /** Per listing (index − from): its findings, or null when the detector failed or did not run on it. */
    private final Object[] results;
    private final boolean[] failed;
    // guarded by this
    private int current = -1; // the listing being worked on, -1 before the batch starts
    private long startedAt; // when the detector started on the current listing
    private boolean running; // the detector is working on the current listing right now
    private boolean finished;
    private boolean abandoned;
    private int overran = -1; // the listing the detector was given up on, -1 for none
    private Thread runner;

    /** @param poolProgress when any batch of the pool last started on a listing, shared by all of them */
    DetectorBatch(DetectorEntry entry, Detector detector, List<Listing> listings, List<DetectionContext> contexts,
                  int from, int to, AtomicLong poolProgress) {
        this.poolProgress = poolProgress;
        this.entry = entry;
        this.detector = detector;
        this.listings = listings;
        this.contexts = contexts;
        this.from = from;
        this.to = to;
        this.results = new Object[to - from];
        this.failed = new boolean[to - from];
    }

    @Override
    public void run() {
        synchronized (this) {
            if (abandoned) {
                return; // given up before it could start
            }
            runner = Thread.currentThread();
        }
        try {
            for (int i = from; i < to; i++) {
                synchronized (this) {
                    if (abandoned || Thread.currentThread().isInterrupted()) {
                        return; // the runtime is stopping
                    }
                    current = i;
                    startedAt = Math.max(1, System.nanoTime());
                    running = true;
                    poolProgress.lazySet(startedAt);
                }
                List<Finding> found = null;
                boolean threw = false;
                try {
                    List<Finding> raw = detector.detect(listings.get(i), contexts.get(i));
                    found = raw == null ? List.of() : raw.stream().filter(Objects::nonNull).toList();
                } catch (Throwable e) { // NOPMD: a detector's bug, whatever it is, costs only this listing
                    threw = true;
                    LOG.log(Level.WARNING, "detector " + entry.id() + " failed on listing " + listings.get(i).id(), e);
                }
                synchronized (this) {
                    running = false;
                    if (abandoned) { // given up while the detector worked on this listing
                        entry.stuck().decrementAndGet(); // the overrun run finally let go of its thread
                        Thread.interrupted(); // the interrupt meant for it must not reach the pool
                        return;
                    }
                    results[i - from] = found;
                    failed[i - from] = threw;
                }
            }
        } finally {
            synchronized (this) {
                finished = true;
                runner = null;
                notifyAll();
            }
        }
    }

    /**
     * Waits until the batch finished or the listing being worked on overruns its budget; true when
     * it finished. A batch still queued is waited for as long as the pool makes progress (some
     * batch started a listing within {@code queuePatienceNanos}): behind other batches it is late,
     * not lost; only a pool that is stuck as a whole makes it give up.
     */
    synchronized boolean await(long budgetNanos, long queuePatienceNanos) throws InterruptedException {
        while (!finished) {
            long deadline = current >= 0 ? startedAt + budgetNanos
                    : Math.max(submittedAt, poolProgress.get()) + queuePatienceNanos;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    /**
     * Gives up on the batch: the listing the detector works on now fails (and the detector counts
     * as stuck until it really returns); returns the first listing that still needs a run, which
     * is {@code from} when the batch never started and {@code to} when none is left.
     */
    synchronized int abandon() {
        abandoned = true;
        if (finished) {
            return to; // it finished after all, just now
        }
        if (current < 0) {
            return from;
        }
        if (running) {
            entry.stuck().incrementAndGet();
            runner.interrupt();
            failed[current - from] = true;
            overran = current;
        }
        return current + 1;
    }

    /** The listing the detector overran its budget on, -1 for none. */
    synchronized int overran() {
        return overran;
    }

    synchronized boolean started() {
        return current >= 0;
    }

    /** The findings for listing {@code i}, null when it failed or did not run. Read after await/abandon. */
    @SuppressWarnings("unchecked")
    synchronized List<Finding> findings(int i) {
        return (List<Finding>) results[i - from];
    }

    synchronized boolean failed(int i) {
        return failed[i - from];
    }
}
