package org.markguard.api;

import java.util.List;

/** Runs every active detector on a listing. Implemented by the detect-runtime bundle. */
public interface DetectionService {

    /** Runs all active detectors within their time budget and combines their findings. */
    AssessedListing assess(Listing listing);

    /** The detectors known now, active or not, with their counters. */
    List<DetectorInfo> detectors();
}
