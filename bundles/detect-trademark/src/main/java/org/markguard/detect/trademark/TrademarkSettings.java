package org.markguard.detect.trademark;

/**
 * The scores of the trademark detector. A plain mention by a non-official seller
 * ({@code mentionScore}, plus {@code productTermBonus}) stays below {@code minScore}; a mention with
 * a price far below the reference, counterfeit slang or a disguised name crosses it.
 */
record TrademarkSettings(double minScore, double mentionScore, double obfuscationBonus, double typoBonus,
                         double slangBonus, double lowPriceRatio, double lowPriceBonus, double productTermBonus,
                         TrademarkLexicon lexicon) {
    static final double DEFAULT_MIN_SCORE = 0.5;
    static final double DEFAULT_MENTION_SCORE = 0.3;
    static final double DEFAULT_OBFUSCATION_BONUS = 0.3;
    static final double DEFAULT_TYPO_BONUS = 0.2;
    static final double DEFAULT_SLANG_BONUS = 0.35;
    static final double DEFAULT_LOW_PRICE_RATIO = 0.5;
    static final double DEFAULT_LOW_PRICE_BONUS = 0.35;
    static final double DEFAULT_PRODUCT_TERM_BONUS = 0.1;
    static final TrademarkSettings DEFAULTS = new TrademarkSettings(DEFAULT_MIN_SCORE, DEFAULT_MENTION_SCORE,
            DEFAULT_OBFUSCATION_BONUS, DEFAULT_TYPO_BONUS, DEFAULT_SLANG_BONUS, DEFAULT_LOW_PRICE_RATIO,
            DEFAULT_LOW_PRICE_BONUS, DEFAULT_PRODUCT_TERM_BONUS, TrademarkLexicon.defaults());

    TrademarkSettings {
        unit(minScore, "minScore");
        unit(mentionScore, "mentionScore");
        unit(obfuscationBonus, "obfuscationBonus");
        unit(typoBonus, "typoBonus");
        unit(slangBonus, "slangBonus");
        unit(lowPriceRatio, "lowPriceRatio");
        unit(lowPriceBonus, "lowPriceBonus");
        unit(productTermBonus, "productTermBonus");
    }

    static TrademarkSettings from(TrademarkConfig c) {
        return new TrademarkSettings(c.minScore(), c.mentionScore(), c.obfuscationBonus(), c.typoBonus(),
                c.slangBonus(), c.lowPriceRatio(), c.lowPriceBonus(), c.productTermBonus(), TrademarkLexicon.from(c));
    }

    private static void unit(double value, String key) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1: " + value);
        }
    }
}
