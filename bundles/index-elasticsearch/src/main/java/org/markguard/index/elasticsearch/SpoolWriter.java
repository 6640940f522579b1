package org.markguard.index.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.markguard.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves the spool into Elasticsearch, in order, a bulk request at a time:
 * whatever was appended while the previous bulk ran makes the next one, so the batches grow with
 * the load by themselves; a small batch first waits {@link #LINGER_MS} for company, since every
 * request costs Elasticsearch the same whatever its size (and one translog fsync). While
 * Elasticsearch is unreachable it retries every {@link #RETRY_MS}; a reader that needs the writes
 * ({@link #awaitWritten}) makes it write, or retry, at once.
 */
final class SpoolWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);
    static final int MAX_BATCH = 500;
    static final long RETRY_MS = 2000;
    static final long LINGER_MS = 50;

    private final DurableSpool spool;
    private final BulkListingWriter writer;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean wanted; // guarded by signal: work arrived, or a reader waits
    private boolean failing; // guarded by signal: the last attempt found Elasticsearch unreachable
    private long attempts; // guarded by signal: finished attempts (written or failed)
    private boolean busy; // guarded by signal: an attempt is running
    private boolean urgent; // guarded by signal: a reader waits, no lingering
    private volatile boolean closed;

    SpoolWriter(DurableSpool spool, BulkListingWriter writer, String name) {
        this.spool = spool;
        this.writer = writer;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Something was appended: write it soon (not sooner than the retry delay while failing). */
    void nudge() {
        synchronized (signal) {
            if (!wanted) {
                wanted = true;
                if (!failing) {
                    signal.notifyAll();
                }
            }
        }
    }

    /**
     * Waits until every operation appended before this call is in Elasticsearch, at most
     * {@code timeoutMs}; returns early, false, when an attempt made after this call found it
     * unreachable (the caller's own request would fail the same way).
     */
    boolean awaitWritten(long timeoutMs) throws InterruptedException {
        long target = spool.lastSegment();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (signal) {
            // the attempt running now may have started before our writes: only a later one tells
            long mustExceed = busy ? attempts + 1 : attempts;
            wanted = true;
            urgent = true;
            signal.notifyAll();
            while (!spool.writtenUpTo(target)) {
                if (failing && attempts > mustExceed) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
            return true;
        }
    }

    private void run() {
        while (!closed) {
            boolean unreachable = false;
            try {
                linger();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (signal) {
                busy = true;
                urgent = false;
            }
            try {
                writeAll();
            } catch (StoreException e) {
                unreachable = true;
                LOG.debug("spooled writes wait for Elasticsearch: {}", e.getMessage());
            } catch (IOException | RuntimeException | Error e) { // NOPMD: the one writer must outlive any failure
                unreachable = true; // a spool file problem or a bug: retry later rather than spin or die
                LOG.warn("Writing the spool {} failed: {}", spool.file(), e.toString(), e);
            }
            try {
                synchronized (signal) {
                    busy = false;
                    failing = unreachable;
                    attempts++;
                    signal.notifyAll();
                    if (!wanted || unreachable) {
                        signal.wait(unreachable ? RETRY_MS : 0);
                    }
                    wanted = false;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Gives a small batch a moment to grow, unless a reader waits for it. */
    private void linger() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MS);
        synchronized (signal) {
            while (!urgent && !closed && spool.pending() > 0 && spool.pending() < MAX_BATCH) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(signal, left);
            }
        }
    }

    /** Writes segments until none is left; a failure leaves the current one for the next attempt. */
    private void writeAll() throws StoreException, IOException {
        DurableSpool.Sealed segment;
        while (!closed && (segment = spool.oldest()) != null) {
            List<JsonNode> ops = segment.ops();
            int done = segment.done();
            while (done < ops.size()) {
                int end = Math.min(ops.size(), done + MAX_BATCH);
                writer.write(ops.subList(done, end));
                if (end < ops.size()) {
                    spool.checkpoint(segment.number(), end); // a crash now repeats none of these
                } else {
                    spool.drop(segment.number());
                }
                spool.written(end - done); // only once recorded on disk: a failure above repeats the chunk
                done = end;
            }
            if (ops.isEmpty()) {
                spool.drop(segment.number());
            }
            if (ops.size() > MAX_BATCH) {
                LOG.info("Wrote {} spooled writes, {} still pending", ops.size() - segment.done(), spool.pending());
            }
            synchronized (signal) {
                signal.notifyAll(); // readers waiting for this segment
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        try {
            thread.join(5_000); // let a bulk in flight finish and be recorded
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
