package org.markguard.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded review of a listing. Reviews are never changed or deleted: a later one supersedes
 * an earlier one, and the whole chain stays as the listing's review history (and as labels).
 *
 * @param id unique id
 * @param listingId the listing reviewed
 * @param decision what was decided
 * @param kind infringement kind (CONFIRMED only)
 * @param reason dismissal reason (DISMISSED only)
 * @param note free text, may be null
 * @param assignee who the listing is assigned to after this review, may be null
 * @param reviewer the user who recorded it
 * @param at when
 * @param supersedes the id of the review this one follows, null for the first
 */
public record Review(String id, String listingId, ReviewDecision decision, FindingKind kind, DismissReason reason,
                     String note, String assignee, String reviewer, Instant at, String supersedes) {
    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listingId, "listingId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
    }
}
