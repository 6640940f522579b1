package org.markguard.api;

import java.util.List;
import java.util.Objects;

/**
 * A listing with what the detectors found in it: the unit that is indexed, searched and reviewed.
 *
 * @param listing the extracted listing
 * @param findings all findings of all active detectors, strongest first
 * @param risk listing-level risk in [0,1] (0 when there is no finding)
 */
public record AssessedListing(Listing listing, List<Finding> findings, double risk) {
    public AssessedListing {
        Objects.requireNonNull(listing, "listing");
        findings = List.copyOf(findings == null ? List.of() : findings);
    }

    public boolean flagged() {
        return !findings.isEmpty();
    }
}
