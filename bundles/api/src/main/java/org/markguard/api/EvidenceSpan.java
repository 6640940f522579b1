package org.markguard.api;

import java.util.Objects;

/**
 * A character range of one listing field that supports a finding, for highlighting.
 *
 * @param field the listing field: {@code title}, {@code description}, {@code seller.name}, …
 * @param start offset of the first character (inclusive, UTF-16 index into the field as stored)
 * @param end offset after the last character (exclusive)
 * @param text the covered text, so that a reader does not need the listing to understand it
 */
public record EvidenceSpan(String field, int start, int end, String text) {
    public EvidenceSpan {
        Objects.requireNonNull(field, "field");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + "," + end + ") in " + field);
        }
    }
}
