package org.markguard.detect.indication;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Tuning of the indication detector, PID {@code org.markguard.detect.indication}; every key is
 * optional. Word lists are comma-separated, whole words, any case, with or without diacritics.
 */
@ObjectClassDefinition(name = "markguard indication detector",
        description = "Scores and word lists of the geographical indication / collective / certification mark detector.")
public @interface IndicationConfig {
    @AttributeDefinition(name = "Score",
            description = "Score when the seller is located outside the registered region, 0..1.")
    double score() default IndicationSettings.DEFAULT_SCORE;

    @AttributeDefinition(name = "Unknown location score",
            description = "Score when the seller's location is unknown, 0..1.")
    double unknownLocationScore() default IndicationSettings.DEFAULT_UNKNOWN_LOCATION_SCORE;

    @AttributeDefinition(name = "Flag unknown locations",
            description = "Flag sellers whose location is unknown (with unknownLocationScore); off: only sellers"
                    + " known to be outside the region are flagged.")
    boolean flagUnknownLocation() default false;

    @AttributeDefinition(name = "Qualifier bonus",
            description = "Added when a qualifier (\"kiểu\", \"style\") shows the seller knows it is not the real thing.")
    double qualifierBonus() default IndicationSettings.DEFAULT_QUALIFIER_BONUS;

    @AttributeDefinition(name = "Qualifiers before the name", description = "kiểu, công thức, chuẩn vị, …")
    String qualifiersBefore() default IndicationSettings.DEFAULT_QUALIFIERS_BEFORE;

    @AttributeDefinition(name = "Qualifiers after the name", description = "style, type, …")
    String qualifiersAfter() default IndicationSettings.DEFAULT_QUALIFIERS_AFTER;

    @AttributeDefinition(name = "Other uses of a place name",
            description = "Title words that show the place is named for something else: tour, khách sạn, …")
    String otherUseCues() default IndicationSettings.DEFAULT_OTHER_USE_CUES;

    @AttributeDefinition(name = "Location abbreviations",
            description = "abbreviation=place pairs read in a seller's location (tp.hcm=Hồ Chí Minh).")
    String locationAliases() default IndicationSettings.DEFAULT_LOCATION_ALIASES;
}
