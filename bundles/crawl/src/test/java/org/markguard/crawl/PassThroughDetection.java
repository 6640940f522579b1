package org.markguard.crawl;

import java.util.List;
import org.markguard.api.AssessedListing;
import org.markguard.api.DetectionService;
import org.markguard.api.DetectorInfo;
import org.markguard.api.Listing;

/** A detection service that flags nothing, for crawl tests that only look at what was fetched and stored. */
final class PassThroughDetection implements DetectionService {
    @Override
    public AssessedListing assess(Listing listing) {
        return new AssessedListing(listing, List.of(), 0);
    }

    @Override
    public List<DetectorInfo> detectors() {
        return List.of();
    }
}
