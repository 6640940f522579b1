package org.markguard.detect.indication;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;

/** The searchable text fields of one listing (title, description), folded once, searched for many terms. */
final class ListingText {
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";

    final FoldedText title;
    final FoldedText description;

    private ListingText(FoldedText title, FoldedText description) {
        this.title = title;
        this.description = description;
    }

    static ListingText of(Listing listing) {
        return new ListingText(FoldedText.of(listing.title()), FoldedText.of(listing.description()));
    }

    /** With the texts the detection context folded once for all detectors. */
    static ListingText of(Listing listing, org.markguard.api.DetectionContext context) {
        return new ListingText(context.fold(listing.title()), context.fold(listing.description()));
    }

    /** Where the term occurs as whole words: title spans first, then description spans. */
    List<EvidenceSpan> find(String term) {
        List<EvidenceSpan> spans = new ArrayList<>(title.findWord(term, TITLE));
        spans.addAll(description.findWord(term, DESCRIPTION));
        return spans;
    }

    /** The distinct folded words of both fields. */
    Set<String> words() {
        Set<String> words = new LinkedHashSet<>();
        addWords(title.folded(), words);
        addWords(description.folded(), words);
        return words;
    }

    /** The folded text of a field just before a span, for qualifiers such as "kiểu". */
    String foldedBefore(EvidenceSpan span, int maxChars) {
        String original = original(span.field());
        String head = FoldedText.fold(original.substring(0, span.start()));
        return head.substring(Math.max(0, head.length() - maxChars));
    }

    /** The folded text of a field just after a span, for "-style" or "type". */
    String foldedAfter(EvidenceSpan span, int maxChars) {
        String original = original(span.field());
        String tail = FoldedText.fold(original.substring(span.end()));
        return tail.substring(0, Math.min(tail.length(), maxChars));
    }

    private String original(String field) {
        return field.equals(TITLE) ? title.original() : description.original();
    }

    private static void addWords(String folded, Set<String> words) {
        int i = 0;
        while (i < folded.length()) {
            while (i < folded.length() && !Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(folded.substring(start, i));
            }
        }
    }
}
