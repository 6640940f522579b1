package org.markguard.benchmarks.detect;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.api.Registries;
import org.markguard.detect.indication.IndicationDetector;
import org.markguard.detect.trademark.TrademarkDetector;

/** The three standard detectors with their default settings, called directly (no OSGi, no time budget). */
final class DetectorSuite {
    final List<Detector> detectors;
    private final Registries registries;

    DetectorSuite(Registries registries) throws java.io.IOException {
        this.registries = registries;
        this.detectors = List.of(new TrademarkDetector(), new IndicationDetector(), OcopSample.detector());
    }

    List<Finding> detect(Listing listing) {
        // as the detection runtime does: one context per listing, its texts folded once for all detectors
        DetectionContext context = DetectionContext.forOneListing(registries);
        List<Finding> findings = new ArrayList<>();
        for (Detector detector : detectors) {
            findings.addAll(detector.detect(listing, context));
        }
        return findings;
    }
}
