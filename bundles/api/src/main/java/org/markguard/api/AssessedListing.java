package org.markguard.api;

import java.util.List;
import java.util.Objects;

/**
 * A listing with what the detectors found in it: the unit that is indexed, searched and reviewed.
 *
 * @param listing the extracted listing
 * @param findings all findings of all active detectors, strongest first
 * @param risk listing-level risk in [0,1] (0 when there is no finding)
 * @param history what the store remembers across re-crawls ({@link ListingHistory#NONE} before storing)
 */
public record AssessedListing(Listing listing, List<Finding> findings, double risk, ListingHistory history) {
    public AssessedListing {
        Objects.requireNonNull(listing, "listing");
        findings = List.copyOf(findings == null ? List.of() : findings);
        history = history == null ? ListingHistory.NONE : history;
    }

    /** A freshly assessed listing, not yet stored. */
    public AssessedListing(Listing listing, List<Finding> findings, double risk) {
        this(listing, findings, risk, ListingHistory.NONE);
    }

    public boolean flagged() {
        return !findings.isEmpty();
    }
}
