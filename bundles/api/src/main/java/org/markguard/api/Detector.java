package org.markguard.api;

import java.util.List;

/**
 * The detector SPI. Register an implementation as an OSGi service (for example a Declarative
 * Services {@code @Component(service = Detector.class)}); the detection runtime picks it up when its
 * bundle starts and drops it when the bundle stops, without a restart.
 *
 * <p>A detector is a pure function of a listing and the registries: it must not touch
 * Elasticsearch, HTTP or files, must be thread-safe, and should return quickly (the runtime gives
 * each listing a time budget and counts detectors that overrun or throw).
 */
public interface Detector {

    /** Stable id, lowercase with dashes, e.g. {@code trademark}. Findings refer to it. */
    String id();

    /** Version of the detection logic; bump it when results change. */
    String version();

    /** A name an analyst understands. */
    String name();

    /**
     * Examines one listing.
     *
     * @return the findings, empty when nothing is suspicious; never null
     */
    List<Finding> detect(Listing listing, DetectionContext context);
}
