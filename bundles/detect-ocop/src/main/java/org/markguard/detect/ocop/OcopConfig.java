package org.markguard.detect.ocop;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the OCOP claim detector, PID {@code org.markguard.detect.ocop}; every key is optional. */
@ObjectClassDefinition(name = "markguard OCOP claim detector",
        description = "Flags OCOP star claims for products not in the OCOP list or with an expired certificate.")
public @interface OcopConfig {
    @AttributeDefinition(name = "OCOP list", description = "Path of the OCOP list JSON file.")
    String ocopList() default OcopDetector.DEFAULT_LIST;

    @AttributeDefinition(name = "Validity in months", description = "How long an OCOP certificate lasts.")
    int validityMonths() default 36;

    @AttributeDefinition(name = "Name match share",
            description = "Share of a listed product's name words the title must contain to be that product, 0..1.")
    double nameMatchShare() default 0.75;

    @AttributeDefinition(name = "Unlisted score", description = "Score of a claim for a product not in the list.")
    double unlistedScore() default 0.6;

    @AttributeDefinition(name = "Expired score", description = "Score of a claim whose certificate has expired.")
    double expiredScore() default 0.7;

    @AttributeDefinition(name = "More stars score",
            description = "Score of a claim of more stars than the product was certified with.")
    double moreStarsScore() default 0.6;
}
