package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;

/** The searchable text fields of one listing, folded once and searched for many terms. */
final class ListingText {
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";

    private final FoldedText title;
    private final FoldedText description;

    private ListingText(FoldedText title, FoldedText description) {
        this.title = title;
        this.description = description;
    }

    static ListingText of(Listing listing) {
        return new ListingText(FoldedText.of(listing.title()), FoldedText.of(listing.description()));
    }

    /** Where the term occurs as whole words: title spans first, then description spans. */
    List<EvidenceSpan> find(String term) {
        List<EvidenceSpan> spans = new ArrayList<>(title.findWord(term, TITLE));
        spans.addAll(description.findWord(term, DESCRIPTION));
        return spans;
    }
}
