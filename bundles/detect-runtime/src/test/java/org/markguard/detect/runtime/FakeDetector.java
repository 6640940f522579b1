package org.markguard.detect.runtime;

import java.util.List;
import java.util.function.BiFunction;
import org.markguard.api.DetectionContext;
import org.markguard.api.Detector;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;

/** A detector whose behaviour a test chooses. */
final class FakeDetector implements Detector {
    private final String id;
    private final BiFunction<Listing, DetectionContext, List<Finding>> behaviour;

    FakeDetector(String id, BiFunction<Listing, DetectionContext, List<Finding>> behaviour) {
        this.id = id;
        this.behaviour = behaviour;
    }

    /** Always finds one thing with the given score. */
    static FakeDetector finding(String id, double score) {
        return new FakeDetector(id, (listing, context) -> List.of(finding(id, "subject-" + id, score)));
    }

    static FakeDetector throwing(String id) {
        return new FakeDetector(id, (listing, context) -> {
            throw new IllegalStateException("broken on purpose");
        });
    }

    static FakeDetector hanging(String id) {
        return new FakeDetector(id, (listing, context) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(finding(id, "too-late", 1.0));
        });
    }

    static Finding finding(String detectorId, String subject, double score) {
        return new Finding(detectorId, "1.0.0", FindingKind.OTHER, subject, score, List.of("because"),
                List.of(new EvidenceSpan("title", 0, 1, "x")));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String name() {
        return "fake " + id;
    }

    @Override
    public List<Finding> detect(Listing listing, DetectionContext context) {
        return behaviour.apply(listing, context);
    }
}
