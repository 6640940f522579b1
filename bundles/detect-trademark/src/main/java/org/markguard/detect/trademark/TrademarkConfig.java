package org.markguard.detect.trademark;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tuning of the trademark detector, PID {@code org.markguard.detect.trademark}; every key is optional. */
@ObjectClassDefinition(name = "markguard trademark detector",
        description = "Scores of the trademark counterfeit detector.")
public @interface TrademarkConfig {
    @AttributeDefinition(name = "Base score",
            description = "Score of a brand named by a seller that is not an official seller, 0..1.")
    double baseScore() default TrademarkScoring.DEFAULT_BASE_SCORE;

    @AttributeDefinition(name = "Low price ratio",
            description = "A price below this share of the brand's reference price is suspicious, 0..1.")
    double lowPriceRatio() default TrademarkScoring.DEFAULT_LOW_PRICE_RATIO;

    @AttributeDefinition(name = "Low price bonus", description = "Added to the score for a suspicious price, 0..1.")
    double lowPriceBonus() default TrademarkScoring.DEFAULT_LOW_PRICE_BONUS;

    @AttributeDefinition(name = "Product term bonus",
            description = "Added to the score when a product the brand covers is named too, 0..1.")
    double productTermBonus() default TrademarkScoring.DEFAULT_PRODUCT_TERM_BONUS;
}
