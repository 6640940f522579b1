package org.markguard.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Set;
import org.markguard.api.AssessedListing;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.ListingHistory;
import org.markguard.api.ReviewState;
import org.markguard.api.SellerDirectory;

/**
 * A listing as the API shows it: its fields, then findings (each saying whether its detector is
 * still installed), risk, seller key, history and review state. Serialized straight to the
 * response, not through a JSON tree: building a tree per listing was a large share of the REST
 * layer's cost on a search page.
 */
record ListingView(@JsonUnwrapped Listing listing, List<FindingView> findings, double risk, boolean flagged,
                   String sellerKey, @JsonIgnoreProperties({"review"}) ListingHistory history, ReviewView review) {

    static ListingView of(AssessedListing a, Set<String> activeDetectors) {
        List<FindingView> findings = a.findings().stream()
                .map(f -> new FindingView(f, activeDetectors.contains(f.detectorId()))).toList();
        ReviewState r = a.history().review();
        ReviewView review = r.count() > 0 || a.flagged()
                ? new ReviewView(r.status().name(), r.kind() == null ? null : r.kind().name(),
                        r.reason() == null ? null : r.reason().name(), r.assignee(), r.reviewer(),
                        r.at() == null ? null : r.at().toString(), r.count())
                : null;
        return new ListingView(a.listing(), findings, a.risk(), a.flagged(), SellerDirectory.keyOf(a.listing()),
                a.history(), review);
    }

    record FindingView(@JsonUnwrapped Finding finding, boolean detectorActive) {
    }

    record ReviewView(String status, String kind, String reason, String assignee, String reviewer, String at,
                      int count) {
    }
}
