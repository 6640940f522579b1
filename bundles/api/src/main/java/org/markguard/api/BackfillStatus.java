package org.markguard.api;

import java.time.Instant;
import java.util.List;

/**
 * A re-scan of every indexed listing with the detectors active now.
 *
 * @param id backfill id
 * @param state RUNNING, FINISHED, FAILED or STOPPED (the crawl states)
 * @param reason why it runs ("detector slang arrived", "registry changed", "requested by admin")
 * @param detectors ids of the detectors it ran
 * @param total listings in the index when it started
 * @param done listings re-assessed so far
 * @param changed listings whose findings changed
 * @param startedAt start
 * @param finishedAt end, null while running
 * @param message why it failed, null otherwise
 */
public record BackfillStatus(String id, CrawlState state, String reason, List<String> detectors, long total, long done,
                             long changed, Instant startedAt, Instant finishedAt, String message) {
    public BackfillStatus {
        detectors = List.copyOf(detectors == null ? List.of() : detectors);
    }
}
