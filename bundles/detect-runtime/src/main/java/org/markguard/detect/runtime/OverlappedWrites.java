package org.markguard.detect.runtime;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.markguard.api.AssessedListing;
import org.markguard.api.ListingStore;
import org.markguard.api.StoreException;

/**
 * The backfill's writes of changed findings, one page at a time on a thread of their own, so that
 * Elasticsearch updates one page while the detectors assess the next. One write is in flight at a
 * time, so pages are written in order, and a failed write fails the backfill at the next page.
 */
final class OverlappedWrites implements AutoCloseable {
    private final ListingStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "markguard-backfill-write");
        t.setDaemon(true);
        return t;
    });
    private Future<Integer> inFlight;
    private long waitedNanos;
    private volatile long writingNanos;

    OverlappedWrites(ListingStore store) {
        this.store = store;
    }

    /** Waits for the previous page's write, starts this page's; returns how many the previous one updated. */
    int submit(List<AssessedListing> changed) throws StoreException {
        int previous = await();
        inFlight = writer.submit(() -> {
            long started = System.nanoTime();
            try {
                return store.updateFindings(changed);
            } finally {
                writingNanos += System.nanoTime() - started; // one writer thread: no lost update
            }
        });
        return previous;
    }

    /** Waits for the write in flight; returns how many listings it updated (0 when none was). */
    int await() throws StoreException {
        if (inFlight == null) {
            return 0;
        }
        long started = System.nanoTime();
        try {
            return inFlight.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("writing findings failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("backfill interrupted", e);
        } finally {
            inFlight = null;
            waitedNanos += System.nanoTime() - started;
        }
    }

    /** How long the backfill waited for writes, in seconds. */
    double waitedSeconds() {
        return waitedNanos / 1e9;
    }

    /** How long the writes took, in seconds (mostly while the next page was assessed). */
    double writingSeconds() {
        return writingNanos / 1e9;
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
