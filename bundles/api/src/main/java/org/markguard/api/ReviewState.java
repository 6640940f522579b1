package org.markguard.api;

import java.time.Instant;

/**
 * The state a listing's review history leaves, kept on the listing so that search can filter and
 * count by it.
 *
 * @param status the last decision, or OPEN
 * @param kind infringement kind of the last CONFIRMED decision in force
 * @param reason reason of the last DISMISSED decision in force
 * @param assignee who the listing is assigned to, may be null
 * @param reviewer who made the last review
 * @param at when the last review was made
 * @param lastReviewId the id of the last review (the next one supersedes it)
 * @param count how many reviews there are
 */
public record ReviewState(ReviewStatus status, FindingKind kind, DismissReason reason, String assignee,
                          String reviewer, Instant at, String lastReviewId, int count) {
    /** Never reviewed. */
    public static final ReviewState NONE = new ReviewState(ReviewStatus.OPEN, null, null, null, null, null, null, 0);

    public ReviewState {
        status = status == null ? ReviewStatus.OPEN : status;
    }

    /** The state after one more review. */
    public ReviewState then(Review review) {
        ReviewStatus next = ReviewStatus.after(review.decision());
        boolean decides = next != null;
        String nextAssignee = review.decision() == ReviewDecision.ASSIGNED || review.assignee() != null
                ? review.assignee() : assignee;
        return new ReviewState(decides ? next : status,
                decides ? review.kind() : kind,
                decides ? review.reason() : reason,
                nextAssignee, review.reviewer(), review.at(), review.id(), count + 1);
    }
}
