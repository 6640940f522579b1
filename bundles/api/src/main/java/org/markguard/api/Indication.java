package org.markguard.api;

import java.util.List;

/**
 * A geographical indication, collective mark or certification mark, one entry of {@code gis.json}.
 *
 * @param id stable id, e.g. {@code phu-quoc-fish-sauce}
 * @param kind GEOGRAPHICAL_INDICATION, COLLECTIVE_MARK or CERTIFICATION_MARK
 * @param names the indication as written ("Phú Quốc")
 * @param productTerms the goods it protects ("nước mắm")
 * @param region where genuine goods come from
 * @param authorizedProducers seller ids, handles or names allowed to use it
 * @param registration the registration number or decision, free text
 */
public record Indication(String id, FindingKind kind, List<String> names, List<String> productTerms,
                         Region region, List<String> authorizedProducers, String registration) {
    public Indication {
        names = List.copyOf(names == null ? List.of() : names);
        productTerms = List.copyOf(productTerms == null ? List.of() : productTerms);
        authorizedProducers = List.copyOf(authorizedProducers == null ? List.of() : authorizedProducers);
    }

    /**
     * @param province the province (2025 names) genuine goods come from
     * @param localities districts, towns or islands inside it
     */
    public record Region(String province, List<String> localities) {
        public Region {
            localities = List.copyOf(localities == null ? List.of() : localities);
        }
    }
}
