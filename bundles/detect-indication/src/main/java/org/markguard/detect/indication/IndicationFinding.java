package org.markguard.detect.indication;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.Indication;
import org.markguard.api.Seller;

/** Writes the finding of a suspected misuse: what was named, where the seller is, who may use it. */
final class IndicationFinding {
    private IndicationFinding() {
    }

    static Finding of(IndicationDetector.Suspect suspect, Seller seller, IndicationSettings settings) {
        IndicationMatcher.Match match = suspect.match();
        Indication indication = match.indication();
        String region = RegionCheck.describe(indication.region());
        List<String> reasons = new ArrayList<>();
        reasons.add(match.reason());
        List<EvidenceSpan> spans = new ArrayList<>(match.nameSpans());
        spans.addAll(match.termSpans());
        double score;
        if (suspect.place() == RegionCheck.Place.OUTSIDE) {
            reasons.add("seller located in " + located(seller) + ", outside the registered region " + region);
            if (seller.location() != null && !seller.location().isBlank()) {
                spans.add(new EvidenceSpan("seller.location", 0, seller.location().length(), seller.location()));
            }
            score = settings.score();
        } else {
            reasons.add("seller location unknown, so it cannot be checked against the registered region " + region);
            score = settings.unknownLocationScore();
        }
        if (match.qualifier() != null) {
            reasons.add("the qualifier '" + match.qualifier() + "' does not make the use lawful: goods from elsewhere"
                    + " still trade on the protected name");
            score = Math.min(1.0, score + settings.qualifierBonus());
        }
        reasons.add(ProducerCheck.reason(indication, seller));
        if (!suspect.merged().isEmpty()) {
            List<String> ids = suspect.merged().stream().map(i -> "'" + i.id() + "'").toList();
            reasons.add("the same words also fall under " + String.join(", ", ids)
                    + "; reported once, under the more specific entry '" + indication.id() + "'");
        }
        return new Finding(IndicationDetector.ID, IndicationDetector.VERSION, indication.kind(), indication.id(),
                score, reasons, spans);
    }

    /** "'Hà Nội'", or "'Q.1' (province Hồ Chí Minh)" when the extractor resolved a province. */
    private static String located(Seller seller) {
        String location = seller.location() == null || seller.location().isBlank() ? null : seller.location().strip();
        String province = seller.province() == null || seller.province().isBlank() ? null : seller.province().strip();
        if (location == null) {
            return "province '" + province + "'";
        }
        return province == null || province.equalsIgnoreCase(location) ? "'" + location + "'"
                : "'" + location + "' (province " + province + ")";
    }
}
