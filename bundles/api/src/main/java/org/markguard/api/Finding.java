package org.markguard.api;

import java.util.List;
import java.util.Objects;

/**
 * One suspected infringement, produced by one detector for one listing. A finding is a flag for
 * human review, never a verdict: it must say why ({@code reasons}) and where ({@code spans}).
 *
 * @param detectorId id of the detector that produced it
 * @param detectorVersion version of that detector, so old findings can be told from new ones
 * @param kind which kind of right is concerned
 * @param subject id of the registry entry concerned (a brand id or an indication id)
 * @param score confidence in [0,1]
 * @param reasons sentences a person understands, strongest first
 * @param spans the text that supports the reasons
 */
public record Finding(String detectorId, String detectorVersion, FindingKind kind, String subject,
                      double score, List<String> reasons, List<EvidenceSpan> spans) {
    public Finding {
        Objects.requireNonNull(detectorId, "detectorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0,1]: " + score);
        }
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
        spans = List.copyOf(spans == null ? List.of() : spans);
    }
}
