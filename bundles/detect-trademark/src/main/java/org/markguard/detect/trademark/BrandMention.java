package org.markguard.detect.trademark;

import org.markguard.api.EvidenceSpan;

/**
 * One place where a listing field names a brand, and how it is written.
 *
 * @param name the registry name matched
 * @param text the field it was found in
 * @param from first canonical character of the match
 * @param to canonical character after the match
 * @param how how the name is disguised, NONE when written plainly
 */
record BrandMention(BrandIndex.Name name, LooseText text, int from, int to, Obfuscation how) {
    /** How a name is disguised; the phrase completes "brand 'Gucci' written 'G.U.C.C.I' …". */
    enum Obfuscation {
        NONE(""),
        SPELLED_OUT(" (spelled out letter by letter)"),
        DIGITS_FOR_LETTERS(" (digits or symbols for letters)"),
        LOOK_ALIKE(" (look-alike letters from another script)"),
        MISSPELT(" (one letter off)");

        final String phrase;

        Obfuscation(String phrase) {
            this.phrase = phrase;
        }
    }

    EvidenceSpan span() {
        return text.span(from, to);
    }

    /** Where the match starts in the field's folded text, for looking at the words before it. */
    int foldedStart() {
        return text.foldedOffset(from);
    }

    String field() {
        return text.field;
    }
}
