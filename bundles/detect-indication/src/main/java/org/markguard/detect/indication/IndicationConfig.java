package org.markguard.detect.indication;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tuning of the indication detector, PID {@code org.markguard.detect.indication}; every key is optional. */
@ObjectClassDefinition(name = "markguard indication detector",
        description = "Scores of the geographical indication / collective / certification mark detector.")
public @interface IndicationConfig {
    @AttributeDefinition(name = "Score",
            description = "Score when the seller is located outside the registered region, 0..1.")
    double score() default IndicationScoring.DEFAULT_SCORE;

    @AttributeDefinition(name = "Unknown location score",
            description = "Score when the seller's location is unknown, 0..1.")
    double unknownLocationScore() default IndicationScoring.DEFAULT_UNKNOWN_LOCATION_SCORE;
}
