package org.markguard.detect.runtime;

import java.util.Collection;
import org.markguard.api.Finding;

/**
 * Combines finding scores into one listing risk with a noisy-OR: {@code risk = 1 − Π(1 − score_i)}.
 *
 * <p>Each finding is read as an independent chance that the listing infringes; the listing is safe only
 * if every finding is wrong. So two independent medium signals (0.5 and 0.5 → 0.75) outrank one of
 * them alone (0.5), no finding gives 0, any finding of 1 gives 1, and the risk never exceeds 1.
 */
final class NoisyOr {
    private NoisyOr() {
    }

    static double risk(Collection<Finding> findings) {
        double allWrong = 1.0;
        for (Finding finding : findings) {
            allWrong *= 1.0 - finding.score();
        }
        return Math.min(1.0, Math.max(0.0, 1.0 - allWrong));
    }
}
