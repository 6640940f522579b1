package org.markguard.crawl;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.markguard.api.CrawlFailure;
import org.markguard.api.CrawlState;
import org.markguard.api.CrawlStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The counters and state of one crawl, updated by crawler threads and read by REST. */
final class CrawlProgress {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlProgress.class);

    private final String id;
    private final String sourceId;
    private final Instant startedAt = Instant.now();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong listings = new AtomicLong();
    private final AtomicLong flagged = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<CrawlState> state = new AtomicReference<>(CrawlState.RUNNING);
    private volatile Instant finishedAt;
    private final AtomicLong lastPageMillis = new AtomicLong(-1);
    private volatile String message;
    private volatile java.util.function.LongSupplier queueLength = () -> 0;
    private final java.util.Deque<CrawlFailure> failures = new java.util.ArrayDeque<>();
    static final int MAX_FAILURES_KEPT = 1000;

    CrawlProgress(String id, String sourceId) {
        this.id = id;
        this.sourceId = sourceId;
    }

    String id() {
        return id;
    }

    String sourceId() {
        return sourceId;
    }

    void pageFetched() {
        pages.incrementAndGet();
    }

    void listingIndexed(boolean isFlagged) {
        listings.incrementAndGet();
        if (isFlagged) {
            flagged.incrementAndGet();
        }
    }

    /** A page's work ended, whatever became of it: what {@code lastPageAt} reports. */
    void pageDone() {
        lastPageMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
    }

    void error(String url, String reason) {
        errors.incrementAndGet();
        pageDone();
        synchronized (failures) {
            failures.addLast(new CrawlFailure(url, reason, Instant.now()));
            if (failures.size() > MAX_FAILURES_KEPT) {
                failures.removeFirst();
            }
        }
        LOG.info("Crawl {}: {} failed: {}", id, url, reason);
    }

    java.util.List<CrawlFailure> failures() {
        synchronized (failures) {
            return java.util.List.copyOf(failures);
        }
    }

    /** Where the number of queued URLs comes from once the frontier exists. */
    void queueLength(java.util.function.LongSupplier supplier) {
        this.queueLength = supplier;
    }

    /** Ends the crawl once; later calls are ignored so a stop is not overwritten by a finish. */
    void end(CrawlState end, String why) {
        if (state.compareAndSet(CrawlState.RUNNING, end) || state.compareAndSet(CrawlState.PAUSED, end)) {
            finishedAt = Instant.now();
            message = why;
            LOG.info("Crawl {} of {} {}: {} pages, {} listings ({} flagged), {} errors{}", id, sourceId,
                    end, pages.get(), listings.get(), flagged.get(), errors.get(), why == null ? "" : " - " + why);
        }
    }

    /** Running or paused: not ended yet. */
    boolean active() {
        CrawlState now = state.get();
        return now == CrawlState.RUNNING || now == CrawlState.PAUSED;
    }

    /** RUNNING → PAUSED; false when the crawl was not running. */
    boolean pause() {
        boolean paused = state.compareAndSet(CrawlState.RUNNING, CrawlState.PAUSED);
        if (paused) {
            LOG.info("Crawl {} of {} paused after {} pages", id, sourceId, pages.get());
        }
        return paused;
    }

    /** PAUSED → RUNNING; false when the crawl was not paused. */
    boolean resume() {
        boolean resumed = state.compareAndSet(CrawlState.PAUSED, CrawlState.RUNNING);
        if (resumed) {
            LOG.info("Crawl {} of {} resumed", id, sourceId);
        }
        return resumed;
    }

    CrawlStatus status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, java.time.Duration.between(startedAt, end).toMillis() / 1000.0);
        long queued;
        try {
            queued = active() ? queueLength.getAsLong() : 0;
        } catch (RuntimeException frontierClosed) {
            queued = 0;
        }
        return new CrawlStatus(id, sourceId, state.get(), startedAt, finishedAt, pages.get(), listings.get(),
                errors.get(), message, queued, flagged.get(), Math.round(pages.get() / seconds * 10) / 10.0,
                lastPageMillis.get() < 0 ? null : Instant.ofEpochMilli(lastPageMillis.get()));
    }
}
