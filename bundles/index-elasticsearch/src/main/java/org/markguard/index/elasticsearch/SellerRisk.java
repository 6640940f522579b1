package org.markguard.index.elasticsearch;

import java.time.Duration;
import java.time.Instant;

/**
 * A seller account's risk score in [0,1]:
 * {@code (1 − (1−c)(1−0.5·o)(1−0.3·r)(1−0.3·x)) × (0.5 + 0.5·f)} where
 * c = 1 − 0.6^confirmed (one confirmed infringement 0.4, three 0.78), o = 1 − 0.9^open flags,
 * r = min(1, log10(1 + sold)/5) (reach: 100,000 sold counts fully), x = 1 − 0.8^linked accounts,
 * and f = e^(−days since the last flagged listing / 90) (a seller flagged long ago weighs half).
 */
final class SellerRisk {
    private SellerRisk() {
    }

    static double score(long confirmed, long open, long sold, int linked, Instant lastFlagged, Instant now) {
        double c = 1 - Math.pow(0.6, confirmed);
        double o = 1 - Math.pow(0.9, open);
        double r = Math.min(1, Math.log10(1 + Math.max(0, sold)) / 5);
        double x = 1 - Math.pow(0.8, linked);
        double any = 1 - (1 - c) * (1 - 0.5 * o) * (1 - 0.3 * r) * (1 - 0.3 * x);
        double days = lastFlagged == null ? Double.POSITIVE_INFINITY
                : Math.max(0, Duration.between(lastFlagged, now).toHours() / 24.0);
        double fresh = Double.isInfinite(days) ? 0 : Math.exp(-days / 90);
        return Math.round(any * (0.5 + 0.5 * fresh) * 1000) / 1000.0;
    }
}
