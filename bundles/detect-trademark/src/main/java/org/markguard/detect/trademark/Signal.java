package org.markguard.detect.trademark;

import java.util.List;
import org.markguard.api.EvidenceSpan;

/**
 * One piece of evidence for a finding: a sentence for the reviewer, what it adds to the score, and the
 * text it rests on. New checks (logo words, "replica", seller history) become new signals.
 */
record Signal(String reason, double weight, List<EvidenceSpan> spans) {
    Signal {
        spans = List.copyOf(spans == null ? List.of() : spans);
    }

    static Signal of(String reason, double weight) {
        return new Signal(reason, weight, List.of());
    }
}
