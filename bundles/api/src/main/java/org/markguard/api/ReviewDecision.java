package org.markguard.api;

/** What a reviewer says of a listing. The first three decide; the others only annotate. */
public enum ReviewDecision {
    /** An infringement: the review names its kind. */
    CONFIRMED,
    /** Not an infringement: the review names the reason. */
    DISMISSED,
    /** Needs someone with more authority or knowledge (a right holder, a legal officer). */
    ESCALATED,
    /** Hands the listing to a user; the decision stays as it was. */
    ASSIGNED,
    /** Adds a note; the decision stays as it was. */
    NOTED,
    /** A takedown notice for the listing was submitted to its platform; the note holds the reference. */
    TAKEDOWN_SUBMITTED,
    /** The platform answered a takedown notice; the note holds the answer (removed, refused, …). */
    TAKEDOWN_ANSWERED;

    /** Whether this review changes the listing's review status. */
    public boolean decides() {
        return this == CONFIRMED || this == DISMISSED || this == ESCALATED;
    }
}
