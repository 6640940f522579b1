package org.markguard.api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text folded for matching Vietnamese with and without diacritics: NFC first (decomposed input such
 * as {@code "Che\u0300"} is repaired), then tone and vowel marks removed, {@code đ}/{@code Đ} mapped to
 * {@code d}, lower-cased. Every folded character remembers the offset of the original character, so
 * a match in the folded text is reported as an {@link EvidenceSpan} over the original.
 *
 * <p>Detectors and the index use this one definition so that what a detector matches and what a
 * search finds agree.
 */
public final class FoldedText {
    private final String original;
    private final String folded;
    private final int[] origin; // origin[i] = index in original of folded char i; origin[len] = original length

    private FoldedText(String original, String folded, int[] origin) {
        this.original = original;
        this.folded = folded;
        this.origin = origin;
    }

    /**
     * What each character of the Basic Multilingual Plane folds to, filled in as characters are met:
     * decomposing one character at a time through {@link Normalizer} was most of the cost of
     * folding a listing's text. The entries are immutable strings, so a race only computes one twice.
     */
    private static final String[] BMP_FOLDED = new String[0x10000];

    /** Folds a text; null is folded as the empty text. */
    public static FoldedText of(String text) {
        String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        int[] origin = new int[nfc.length() + 1];
        int n = 0;
        for (int i = 0; i < nfc.length(); ) {
            char c = nfc.charAt(i);
            if (c < 0x80) { // ASCII: one character, lower-cased
                if (n + 1 >= origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2 + 2);
                }
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                origin[n++] = i++;
                continue;
            }
            int cp = nfc.codePointAt(i);
            String piece = folded(cp);
            for (int k = 0; k < piece.length(); k++) {
                if (n + 1 >= origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2 + 2);
                }
                out.append(piece.charAt(k));
                origin[n++] = i;
            }
            i += Character.charCount(cp);
        }
        int[] exact = java.util.Arrays.copyOf(origin, n + 1);
        exact[n] = nfc.length();
        return new FoldedText(nfc, out.toString(), exact);
    }

    /** The folded form of a text, e.g. {@code "Nước mắm Phú Quốc"} → {@code "nuoc mam phu quoc"}. */
    public static String fold(String text) {
        String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); ) {
            char c = nfc.charAt(i);
            if (c < 0x80) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                i++;
                continue;
            }
            int cp = nfc.codePointAt(i);
            out.append(folded(cp));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static String folded(int cp) {
        if (cp >= BMP_FOLDED.length) {
            return foldCodePoint(cp);
        }
        String known = BMP_FOLDED[cp];
        if (known == null) {
            known = foldCodePoint(cp);
            BMP_FOLDED[cp] = known;
        }
        return known;
    }

    private static String foldCodePoint(int cp) {
        if (cp == 'đ' || cp == 'Đ') {
            return "d";
        }
        if (cp < 0x80) {
            return String.valueOf((char) Character.toLowerCase(cp));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The NFC-normalised original text; span offsets refer to it. */
    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /**
     * Finds a term as whole words (not inside a longer word), diacritic- and case-insensitively.
     *
     * @param term the term as written in a registry, folded here
     * @param field the listing field name the spans are reported against
     * @return spans over the original text, in order of appearance
     */
    public List<EvidenceSpan> findWord(String term, String field) {
        return findFoldedWord(fold(term).strip(), field);
    }

    /**
     * {@link #findWord} for a needle folded already (a lexicon folded once when its configuration
     * is read): the same whole-word rule without folding the needle on every call.
     */
    public List<EvidenceSpan> findFoldedWord(String foldedNeedle, String field) {
        List<EvidenceSpan> spans = new ArrayList<>();
        if (foldedNeedle.isEmpty()) {
            return spans;
        }
        for (int at = folded.indexOf(foldedNeedle); at >= 0; at = folded.indexOf(foldedNeedle, at + 1)) {
            int end = at + foldedNeedle.length();
            if (isBoundary(at - 1) && isBoundary(end)) {
                spans.add(span(at, end, field));
            }
        }
        return spans;
    }

    /** Whether the term occurs as whole words. */
    public boolean containsWord(String term) {
        return containsFoldedWord(fold(term).strip());
    }

    /** Whether a needle folded already occurs as whole words. */
    public boolean containsFoldedWord(String foldedNeedle) {
        if (foldedNeedle.isEmpty()) {
            return false;
        }
        for (int at = folded.indexOf(foldedNeedle); at >= 0; at = folded.indexOf(foldedNeedle, at + 1)) {
            if (isBoundary(at - 1) && isBoundary(at + foldedNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    /** The span over the original text that covers folded characters [start, end). */
    public EvidenceSpan span(int start, int end, String field) {
        int s = origin[start];
        int e = end >= origin.length - 1 ? original.length() : origin[end];
        if (e <= s) {
            e = Math.min(original.length(), s + 1);
        }
        return new EvidenceSpan(field, s, e, original.substring(s, e));
    }

    private boolean isBoundary(int i) {
        return i < 0 || i >= folded.length() || !Character.isLetterOrDigit(folded.charAt(i));
    }
}
