package org.markguard.api;

import java.time.Instant;

/**
 * Where the building of one evidence packet stands.
 *
 * @param id the packet id (also its BagIt External-Identifier and folder name)
 * @param state RUNNING, READY or FAILED
 * @param total listings to put in, known once they are resolved (0 before)
 * @param done listings put in so far
 * @param message what failed, or notes (e.g. screenshots not available), may be empty
 * @param requestedBy the user who asked for it
 * @param bytes size of the finished zip, 0 before
 * @param sha256 hex SHA-256 of the finished zip, null before
 */
public record EvidenceStatus(String id, String state, int total, int done, String message, String requestedBy,
                             Instant startedAt, Instant finishedAt, long bytes, String sha256) {
    public static final String RUNNING = "RUNNING";
    public static final String READY = "READY";
    public static final String FAILED = "FAILED";
}
