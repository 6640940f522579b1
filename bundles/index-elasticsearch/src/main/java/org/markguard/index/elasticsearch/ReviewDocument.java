package org.markguard.index.elasticsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.markguard.api.DismissReason;
import org.markguard.api.FindingKind;
import org.markguard.api.Review;
import org.markguard.api.ReviewDecision;

/** A review as stored in {@code <prefix>-reviews}; times as ISO-8601 strings. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReviewDocument(String id, String listingId, String decision, String kind, String reason, String note,
                      String assignee, String reviewer, String at, String supersedes) {

    static ReviewDocument of(Review r) {
        return new ReviewDocument(r.id(), r.listingId(), r.decision().name(), r.kind() == null ? null : r.kind().name(),
                r.reason() == null ? null : r.reason().name(), r.note(), r.assignee(), r.reviewer(), r.at().toString(),
                r.supersedes());
    }

    Review toReview() {
        return new Review(id, listingId, ReviewDecision.valueOf(decision), kind == null ? null : FindingKind.valueOf(kind),
                reason == null ? null : DismissReason.valueOf(reason), note, assignee, reviewer, IsoInstants.parse(at), supersedes);
    }
}
