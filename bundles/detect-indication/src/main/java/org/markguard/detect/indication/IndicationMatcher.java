package org.markguard.detect.indication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;

/**
 * Finds an indication used for its product: one of its names AND one of its product terms, each as
 * whole words in the title or description. A place name alone ("Khách sạn Phú Quốc", a hotel) is not
 * a use of the indication. The product term must stand apart from the name, except that a name which
 * itself carries the product ("Hoa Đà Lạt", "Dâu tây Đà Lạt") is a use on its own.
 */
final class IndicationMatcher {
    private IndicationMatcher() {
    }

    /**
     * A name and a product term found together.
     *
     * @param termSpans where the term stands apart; empty when the name carries it
     * @param qualifier "kiểu", "style", … written next to the name, null when none
     */
    record Match(Indication indication, String name, List<EvidenceSpan> nameSpans, String term,
                 List<EvidenceSpan> termSpans, String qualifier) {
        /** How specific the match is: a longer name first ("Hoa Đà Lạt" over "Đà Lạt"), then a longer term. */
        int specificity() {
            return FoldedText.fold(name).length() * 1000 + FoldedText.fold(term).length() * 10
                    - Math.min(9, indication.productTerms().size());
        }

        /** "indication 'Phú Quốc' with product 'nước mắm' in the title". */
        String reason() {
            String nameWhere = where(nameSpans);
            if (termSpans.isEmpty()) {
                return "indication '" + name + "' (its product '" + term + "' is part of the name) in " + nameWhere;
            }
            String termWhere = where(termSpans);
            return nameWhere.equals(termWhere)
                    ? "indication '" + name + "' with product '" + term + "' in " + nameWhere
                    : "indication '" + name + "' in " + nameWhere + " with product '" + term + "' in " + termWhere;
        }

        boolean overlaps(Match other) {
            return nameSpans.stream().anyMatch(a -> other.nameSpans.stream().anyMatch(b -> overlap(a, b)));
        }
    }

    static Optional<Match> find(Indication indication, ListingText text, IndicationSettings settings) {
        Match best = null;
        for (String name : indication.names()) {
            List<EvidenceSpan> nameSpans = text.find(name);
            if (nameSpans.isEmpty()) {
                continue;
            }
            FoldedText foldedName = FoldedText.of(name);
            for (String term : indication.productTerms()) {
                Match candidate = null;
                if (foldedName.containsWord(term)) {
                    candidate = new Match(indication, name, nameSpans, term, List.of(), null);
                } else {
                    List<EvidenceSpan> termSpans = text.find(term).stream()
                            .filter(span -> nameSpans.stream().noneMatch(named -> overlap(named, span)))
                            .toList();
                    if (!termSpans.isEmpty()) {
                        candidate = new Match(indication, name, nameSpans, term, termSpans, null);
                    }
                }
                if (candidate != null && (best == null || candidate.specificity() > best.specificity())) {
                    best = candidate;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String qualifier = qualifier(best.nameSpans(), text, settings);
        return Optional.of(new Match(indication, best.name(), best.nameSpans(), best.term(), best.termSpans(),
                qualifier));
    }

    /** "kiểu Phú Quốc", "chuẩn vị Buôn Ma Thuột", "Phú Quốc-style": the word that qualifies the name. */
    private static String qualifier(List<EvidenceSpan> nameSpans, ListingText text, IndicationSettings settings) {
        for (EvidenceSpan span : nameSpans) {
            String before = text.foldedBefore(span, 30).stripTrailing();
            for (String q : settings.qualifiersBefore()) {
                if (before.endsWith(q) && (before.length() == q.length()
                        || !Character.isLetterOrDigit(before.charAt(before.length() - q.length() - 1)))) {
                    return q;
                }
            }
            String after = text.foldedAfter(span, 20);
            String head = after.replaceFirst("^[\\s\\-–_]+", "");
            for (String q : settings.qualifiersAfter()) {
                if (head.startsWith(q) && (head.length() == q.length()
                        || !Character.isLetterOrDigit(head.charAt(q.length())))) {
                    return q;
                }
            }
        }
        return null;
    }

    /** "the title", "the description" or "the title and the description". */
    static String where(List<EvidenceSpan> spans) {
        Set<String> fields = new LinkedHashSet<>();
        spans.forEach(span -> fields.add("the " + span.field()));
        return String.join(" and ", fields);
    }

    static boolean overlap(EvidenceSpan a, EvidenceSpan b) {
        return a.field().equals(b.field()) && a.start() < b.end() && b.start() < a.end();
    }
}
