package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;

/**
 * {@link FoldedText#findWord} for needles that are folded already (the lexicons are folded once, when
 * the configuration is read): the same whole-word rule without normalising the needle on every call,
 * which is most of the cost when dozens of phrases are tried on every listing.
 */
final class FoldedWords {
    private FoldedWords() {
    }

    static List<EvidenceSpan> find(FoldedText text, String foldedNeedle, String field) {
        String f = text.folded();
        int at = f.indexOf(foldedNeedle);
        if (at < 0) {
            return List.of();
        }
        List<EvidenceSpan> spans = new ArrayList<>(1);
        while (at >= 0) {
            int end = at + foldedNeedle.length();
            if (boundary(f, at - 1) && boundary(f, end)) {
                spans.add(text.span(at, end, field));
            }
            at = f.indexOf(foldedNeedle, at + 1);
        }
        return spans;
    }

    static boolean contains(FoldedText text, String foldedNeedle) {
        String f = text.folded();
        for (int at = f.indexOf(foldedNeedle); at >= 0; at = f.indexOf(foldedNeedle, at + 1)) {
            if (boundary(f, at - 1) && boundary(f, at + foldedNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean boundary(String f, int i) {
        return i < 0 || i >= f.length() || !Character.isLetterOrDigit(f.charAt(i));
    }
}
