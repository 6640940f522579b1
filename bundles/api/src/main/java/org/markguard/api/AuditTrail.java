package org.markguard.api;

import java.time.Instant;
import java.util.List;

/**
 * The append-only, hash-chained record of who did what: review decisions, assignments, exports,
 * registry changes, detector installs and removals, logins, user changes. Implemented by the audit
 * bundle.
 */
public interface AuditTrail {

    /** Appends one entry durably; never throws for a full disk silently (IllegalStateException). */
    AuditEvent record(String user, String action, String target, String detail);

    /**
     * Entries oldest first that match every given filter (null: no filter), starting after sequence
     * number {@code afterSeq} (0 for the start), at most {@code size}.
     */
    List<AuditEvent> query(Instant from, Instant to, String user, String action, long afterSeq, int size);

    /** Checks the whole chain; returns an empty list when intact, else what is broken, per line. */
    List<String> verify();
}
