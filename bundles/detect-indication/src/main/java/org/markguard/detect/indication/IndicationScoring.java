package org.markguard.detect.indication;

/** The scores of the indication detector, validated when the configuration is read. */
record IndicationScoring(double score, double unknownLocationScore) {
    static final double DEFAULT_SCORE = 0.7;
    static final double DEFAULT_UNKNOWN_LOCATION_SCORE = 0.5;
    static final IndicationScoring DEFAULTS = new IndicationScoring(DEFAULT_SCORE, DEFAULT_UNKNOWN_LOCATION_SCORE);

    IndicationScoring {
        unit(score, "score");
        unit(unknownLocationScore, "unknownLocationScore");
    }

    static IndicationScoring from(IndicationConfig config) {
        return new IndicationScoring(config.score(), config.unknownLocationScore());
    }

    private static void unit(double value, String key) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1: " + value);
        }
    }
}
