package org.markguard.demo;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;

/**
 * Decides which indications a generated text invokes (one of its names and one of its product
 * terms as whole words, diacritic-insensitive) and whether a seller location lies in an
 * indication's region. The labels use it so that they state every entry a correct detector should
 * flag, also when entries overlap ("Đà Lạt" is three certification marks).
 */
final class IndicationMatcher {
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(Indication indication, List<String> names, List<String> terms, List<String> places) {
    }

    IndicationMatcher(List<Indication> indications) {
        for (Indication ind : indications) {
            List<String> places = new ArrayList<>(fold(ind.region().localities()));
            if (ind.region().province() != null) {
                places.add(FoldedText.fold(ind.region().province()).strip());
            }
            entries.add(new Entry(ind, fold(ind.names()), fold(ind.productTerms()), places));
        }
    }

    /** Indications whose name and product term both occur in the text. */
    List<Indication> invokedBy(String text) {
        String folded = FoldedText.fold(text);
        List<Indication> hits = new ArrayList<>();
        for (Entry e : entries) {
            if (containsAny(folded, e.names) && containsAny(folded, e.terms)) {
                hits.add(e.indication);
            }
        }
        return hits;
    }

    /** What a detector should flag: indications invoked by the text whose region the seller is outside. */
    List<Expectation> misusesIn(String text, String sellerLocation) {
        List<Expectation> out = new ArrayList<>();
        for (Indication ind : invokedBy(text)) {
            if (!inRegion(ind, sellerLocation)) {
                out.add(new Expectation(ind.kind(), ind.id()));
            }
        }
        return out;
    }

    /** Whether a location names the region's province or one of its localities. */
    boolean inRegion(Indication indication, String location) {
        String folded = FoldedText.fold(location);
        for (Entry e : entries) {
            if (e.indication == indication) {
                return containsAny(folded, e.places);
            }
        }
        return false;
    }

    private static List<String> fold(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            String f = FoldedText.fold(w).strip();
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean containsAny(String folded, List<String> needles) {
        for (String n : needles) {
            if (containsWord(folded, n)) {
                return true;
            }
        }
        return false;
    }

    /** Same whole-word rule as {@link FoldedText#findWord}, on pre-folded text (much cheaper per call). */
    static boolean containsWord(String folded, String needle) {
        for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
            boolean endOk = end >= folded.length() || !Character.isLetterOrDigit(folded.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }
}
