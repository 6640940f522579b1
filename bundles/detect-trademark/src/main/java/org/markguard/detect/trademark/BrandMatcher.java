package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markguard.api.Brand;
import org.markguard.api.EvidenceSpan;

/**
 * Finds a brand in a listing: any of its names as whole words, case- and diacritic-insensitively
 * ("GUCCI", "gucci" match Gucci; "Guccini" does not), and the products the brand covers.
 */
final class BrandMatcher {
    private BrandMatcher() {
    }

    /** Where a brand is named, or empty when it is not. */
    static Optional<Signal> mention(Brand brand, ListingText text, double weight) {
        Set<EvidenceSpan> spans = new LinkedHashSet<>();
        for (String name : brand.names()) {
            spans.addAll(text.find(name));
        }
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        String reason = "brand '" + displayName(brand) + "' named in " + where(List.copyOf(spans));
        return Optional.of(new Signal(reason, weight, List.copyOf(spans)));
    }

    /**
     * A product the brand covers ("túi xách" for Gucci), named apart from the brand itself, so that
     * "iPhone" is not counted both as Apple's name and as its product.
     */
    static Optional<Signal> productTerm(Brand brand, ListingText text, Signal mention, double weight) {
        for (String term : brand.productTerms()) {
            List<EvidenceSpan> spans = new ArrayList<>();
            for (EvidenceSpan span : text.find(term)) {
                if (mention.spans().stream().noneMatch(named -> overlap(named, span))) {
                    spans.add(span);
                }
            }
            if (!spans.isEmpty()) {
                return Optional.of(new Signal("product '" + term + "' covered by the mark named in " + where(spans),
                        weight, spans));
            }
        }
        return Optional.empty();
    }

    static String displayName(Brand brand) {
        return brand.names().isEmpty() ? brand.id() : brand.names().get(0);
    }

    /** "the title ("GUCCI")", or "the title ("GUCCI") and the description ("gucci")". */
    private static String where(List<EvidenceSpan> spans) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of(ListingText.TITLE, ListingText.DESCRIPTION)) {
            spans.stream().filter(span -> span.field().equals(field)).findFirst()
                    .ifPresent(first -> parts.add("the " + field + " (\"" + first.text() + "\")"));
        }
        return String.join(" and ", parts);
    }

    private static boolean overlap(EvidenceSpan a, EvidenceSpan b) {
        return a.field().equals(b.field()) && a.start() < b.end() && b.start() < a.end();
    }
}
