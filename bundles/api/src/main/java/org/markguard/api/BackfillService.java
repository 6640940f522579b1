package org.markguard.api;

import java.util.List;

/**
 * Re-assesses every indexed listing in the background, so a new or changed detector or registry
 * also judges what was crawled before it. Findings of detectors no longer installed are kept (the
 * audit trail needs them) and shown as from an inactive detector.
 */
public interface BackfillService {

    /** Starts a backfill, or returns the running one (one at a time). */
    BackfillStatus start(String reason);

    /** Backfills of this run of the server, newest first. */
    List<BackfillStatus> history();
}
