package org.markguard.detect.indication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Indication;

/**
 * Finds an indication used for its product: one of its names AND one of its product terms, each as
 * whole words in the title or description. A place name alone ("Khách sạn Phú Quốc", a hotel) is not
 * a use of the indication; the product term must also stand apart from the name, so that the word
 * "hoa" inside the name "Hoa Đà Lạt" does not count as the product by itself.
 */
final class IndicationMatcher {
    private IndicationMatcher() {
    }

    /** A name and a product term found together, with all their occurrences. */
    record Match(String name, List<EvidenceSpan> nameSpans, String term, List<EvidenceSpan> termSpans) {
        /** "indication 'Phú Quốc' with product 'nước mắm' in the title". */
        String reason() {
            String nameWhere = where(nameSpans);
            String termWhere = where(termSpans);
            return nameWhere.equals(termWhere)
                    ? "indication '" + name + "' with product '" + term + "' in " + nameWhere
                    : "indication '" + name + "' in " + nameWhere + " with product '" + term + "' in " + termWhere;
        }
    }

    static Optional<Match> find(Indication indication, ListingText text) {
        for (String name : indication.names()) {
            List<EvidenceSpan> nameSpans = text.find(name);
            if (nameSpans.isEmpty()) {
                continue;
            }
            for (String term : indication.productTerms()) {
                List<EvidenceSpan> termSpans = text.find(term).stream()
                        .filter(span -> nameSpans.stream().noneMatch(named -> overlap(named, span)))
                        .toList();
                if (!termSpans.isEmpty()) {
                    return Optional.of(new Match(name, nameSpans, term, termSpans));
                }
            }
        }
        return Optional.empty();
    }

    /** "the title", "the description" or "the title and the description". */
    private static String where(List<EvidenceSpan> spans) {
        Set<String> fields = new LinkedHashSet<>();
        spans.forEach(span -> fields.add("the " + span.field()));
        return String.join(" and ", fields);
    }

    private static boolean overlap(EvidenceSpan a, EvidenceSpan b) {
        return a.field().equals(b.field()) && a.start() < b.end() && b.start() < a.end();
    }
}
