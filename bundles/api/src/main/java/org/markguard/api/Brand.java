package org.markguard.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A protected trademark, one entry of {@code brands.json}.
 *
 * @param id stable id, e.g. {@code gucci}
 * @param names the mark as written, first the main form ("Gucci"), then variants
 * @param owner the right holder
 * @param niceClasses Nice classes the mark is registered for
 * @param productTerms words for the goods the mark covers ("túi xách", "bag")
 * @param officialSellers seller ids or handles authorised to sell the genuine goods
 * @param referencePrice the lowest normal price of a genuine product, may be null
 */
public record Brand(String id, List<String> names, String owner, List<Integer> niceClasses,
                    List<String> productTerms, List<String> officialSellers,
                    ReferencePrice referencePrice) {
    public Brand {
        names = List.copyOf(names == null ? List.of() : names);
        niceClasses = List.copyOf(niceClasses == null ? List.of() : niceClasses);
        productTerms = List.copyOf(productTerms == null ? List.of() : productTerms);
        officialSellers = List.copyOf(officialSellers == null ? List.of() : officialSellers);
    }

    /** The lowest normal price of a genuine product. */
    public record ReferencePrice(BigDecimal min, String currency) {
    }
}
