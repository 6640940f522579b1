package org.markguard.detect.indication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;
import org.markguard.api.Registries;

/**
 * The indication names of one {@link Registries} instance by their first folded word, so that a
 * listing is checked only against the entries whose name starts with one of its words: the cost per
 * listing does not grow with the register (thousands of EU names cost the same as forty).
 */
final class IndicationIndex {
    final Registries registries;
    private final Map<String, List<Indication>> byFirstWord = new HashMap<>();

    IndicationIndex(Registries registries) {
        this.registries = registries;
        for (Indication indication : registries.indications()) {
            if (indication.kind() == null) {
                continue;
            }
            for (String name : indication.names()) {
                String first = firstWord(FoldedText.fold(name));
                if (!first.isEmpty()) {
                    List<Indication> entries = byFirstWord.computeIfAbsent(first, k -> new ArrayList<>(1));
                    if (!entries.contains(indication)) {
                        entries.add(indication);
                    }
                }
            }
        }
    }

    /** The entries one of whose names starts with a word of the text, each once, in registry order. */
    List<Indication> candidates(ListingText text) {
        List<Indication> found = new ArrayList<>();
        for (String word : text.words()) {
            List<Indication> entries = byFirstWord.get(word);
            if (entries != null) {
                for (Indication indication : entries) {
                    if (!found.contains(indication)) {
                        found.add(indication);
                    }
                }
            }
        }
        return found;
    }

    private static String firstWord(String folded) {
        int start = 0;
        while (start < folded.length() && !Character.isLetterOrDigit(folded.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < folded.length() && Character.isLetterOrDigit(folded.charAt(end))) {
            end++;
        }
        return folded.substring(start, end);
    }
}
