package org.markguard.api;

/** Where a listing stands in review, as its review history leaves it. */
public enum ReviewStatus {
    /** Flagged and not decided yet (assignments and notes do not decide). */
    OPEN,
    CONFIRMED,
    DISMISSED,
    ESCALATED;

    /** The status a decision leads to; null for reviews that do not decide. */
    public static ReviewStatus after(ReviewDecision decision) {
        return switch (decision) {
            case CONFIRMED -> CONFIRMED;
            case DISMISSED -> DISMISSED;
            case ESCALATED -> ESCALATED;
            case ASSIGNED, NOTED, TAKEDOWN_SUBMITTED, TAKEDOWN_ANSWERED -> null;
        };
    }
}
