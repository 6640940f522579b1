package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.markguard.api.Brand;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;

/**
 * Turns signals into a finding: the score is the sum of their weights capped at 1, the reasons are
 * theirs in order, the spans their union. The settings come from the configuration.
 */
record TrademarkScoring(double baseScore, double lowPriceRatio, double lowPriceBonus, double productTermBonus) {
    static final double DEFAULT_BASE_SCORE = 0.6;
    static final double DEFAULT_LOW_PRICE_RATIO = 0.5;
    static final double DEFAULT_LOW_PRICE_BONUS = 0.2;
    static final double DEFAULT_PRODUCT_TERM_BONUS = 0.1;
    static final TrademarkScoring DEFAULTS = new TrademarkScoring(DEFAULT_BASE_SCORE, DEFAULT_LOW_PRICE_RATIO,
            DEFAULT_LOW_PRICE_BONUS, DEFAULT_PRODUCT_TERM_BONUS);

    TrademarkScoring {
        baseScore = unit(baseScore, "baseScore");
        lowPriceRatio = unit(lowPriceRatio, "lowPriceRatio");
        lowPriceBonus = unit(lowPriceBonus, "lowPriceBonus");
        productTermBonus = unit(productTermBonus, "productTermBonus");
    }

    static TrademarkScoring from(TrademarkConfig config) {
        return new TrademarkScoring(config.baseScore(), config.lowPriceRatio(), config.lowPriceBonus(),
                config.productTermBonus());
    }

    Finding finding(String detectorId, String version, Brand brand, List<Signal> signals) {
        double score = 0;
        List<String> reasons = new ArrayList<>();
        Set<EvidenceSpan> spans = new LinkedHashSet<>();
        for (Signal signal : signals) {
            score += signal.weight();
            reasons.add(signal.reason());
            spans.addAll(signal.spans());
        }
        return new Finding(detectorId, version, FindingKind.TRADEMARK, brand.id(), Math.min(1.0, score), reasons,
                List.copyOf(spans));
    }

    private static double unit(double value, String key) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1: " + value);
        }
        return value;
    }
}
