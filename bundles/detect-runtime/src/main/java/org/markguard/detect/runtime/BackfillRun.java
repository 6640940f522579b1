package org.markguard.detect.runtime;

import java.time.Instant;
import java.util.List;
import org.markguard.api.BackfillStatus;
import org.markguard.api.CrawlState;

/** The progress of one backfill; counters written by the worker thread only. */
final class BackfillRun {
    final String id;
    final String reason;
    final List<String> detectors;
    final Instant startedAt = Instant.now();
    volatile long total;
    volatile long done;
    volatile long changed;
    private volatile CrawlState state = CrawlState.RUNNING;
    private volatile Instant finishedAt;
    private volatile String message;

    BackfillRun(String id, String reason, List<String> detectors) {
        this.id = id;
        this.reason = reason;
        this.detectors = detectors;
    }

    boolean running() {
        return state == CrawlState.RUNNING;
    }

    void finish(CrawlState end, String why) {
        finishedAt = Instant.now();
        message = why;
        state = end;
    }

    BackfillStatus status() {
        return new BackfillStatus(id, state, reason, detectors, total, done, changed, startedAt, finishedAt, message);
    }
}
