package org.markguard.detect.trademark;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Tuning of the trademark detector, PID {@code org.markguard.detect.trademark}; every key is optional.
 * Word lists are comma-separated, matched as whole words ignoring case and
 * diacritics.
 */
@ObjectClassDefinition(name = "markguard trademark detector",
        description = "Scores and word lists of the trademark counterfeit detector.")
public @interface TrademarkConfig {
    @AttributeDefinition(name = "Minimum score", description = "Findings below this score are not raised, 0..1.")
    double minScore() default TrademarkSettings.DEFAULT_MIN_SCORE;

    @AttributeDefinition(name = "Mention score",
            description = "Score of a brand named plainly by a seller that is not an official seller, 0..1.")
    double mentionScore() default TrademarkSettings.DEFAULT_MENTION_SCORE;

    @AttributeDefinition(name = "Obfuscation bonus",
            description = "Added when the name is disguised: spelled out, look-alike letters, digits, 0..1.")
    double obfuscationBonus() default TrademarkSettings.DEFAULT_OBFUSCATION_BONUS;

    @AttributeDefinition(name = "Typo bonus", description = "Added when the name is one letter off, 0..1.")
    double typoBonus() default TrademarkSettings.DEFAULT_TYPO_BONUS;

    @AttributeDefinition(name = "Slang bonus", description = "Added when counterfeit slang is used, 0..1.")
    double slangBonus() default TrademarkSettings.DEFAULT_SLANG_BONUS;

    @AttributeDefinition(name = "Low price ratio",
            description = "A price below this share of the brand's reference price is suspicious, 0..1.")
    double lowPriceRatio() default TrademarkSettings.DEFAULT_LOW_PRICE_RATIO;

    @AttributeDefinition(name = "Low price bonus", description = "Added to the score for a suspicious price, 0..1.")
    double lowPriceBonus() default TrademarkSettings.DEFAULT_LOW_PRICE_BONUS;

    @AttributeDefinition(name = "Product term bonus",
            description = "Added when a product the brand covers is named too, 0..1.")
    double productTermBonus() default TrademarkSettings.DEFAULT_PRODUCT_TERM_BONUS;

    @AttributeDefinition(name = "Counterfeit slang", description = "Phrases of counterfeit offers: the full slang bonus.")
    String slang() default TrademarkLexicon.DEFAULT_SLANG;

    @AttributeDefinition(name = "Weak counterfeit slang",
            description = "Phrases also said of genuine goods (loại 1, fullbox): half the slang bonus.")
    String weakSlang() default TrademarkLexicon.DEFAULT_WEAK_SLANG;

    @AttributeDefinition(name = "Compatibility cues",
            description = "Words before a brand that make it a description of what an accessory fits.")
    String compatibilityCues() default TrademarkLexicon.DEFAULT_COMPATIBILITY_CUES;

    @AttributeDefinition(name = "Accessory terms",
            description = "Accessories named before a brand they fit (ốp lưng, cáp sạc, …).")
    String accessoryTerms() default TrademarkLexicon.DEFAULT_ACCESSORY_TERMS;

    @AttributeDefinition(name = "Review and news cues", description = "Words of a review or news item.")
    String newsCues() default TrademarkLexicon.DEFAULT_NEWS_CUES;

    @AttributeDefinition(name = "Selling words", description = "Words that show something is for sale.")
    String sellingWords() default TrademarkLexicon.DEFAULT_SELLING_WORDS;

    @AttributeDefinition(name = "Real words",
            description = "Words one letter off a brand that are not typos of it (channel, apply, …).")
    String realWords() default TrademarkLexicon.DEFAULT_REAL_WORDS;

    @AttributeDefinition(name = "Goods of other classes",
            description = "class:term|term entries; a brand next to goods only of classes it is not"
                    + " registered for is a generic word (31:táo|trái cây).")
    String classTerms() default TrademarkLexicon.DEFAULT_CLASS_TERMS;
}
