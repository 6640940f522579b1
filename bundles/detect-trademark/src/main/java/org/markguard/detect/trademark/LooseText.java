package org.markguard.detect.trademark;

import java.util.Arrays;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.FoldedText;

/**
 * One listing field reduced to what a brand name is made of: letters and digits only, folded
 * ({@link FoldedText}: case, Vietnamese diacritics), look-alike letters of other scripts replaced by
 * the ASCII letter they imitate, and digits written for letters ("N1ke", "L0uis") read as letters.
 * Punctuation and spaces are dropped but remembered as token boundaries, so "G.U.C.C.I" and
 * "g u c c i" become the tokens g|u|c|c|i, which {@link BrandIndex} may join. Every kept character
 * remembers where it came from, so a match is reported as a span over the field as stored.
 */
final class LooseText {
    static final byte LEET = 1;
    static final byte LOOK_ALIKE = 2;

    final String field;
    final FoldedText folded;
    final String canonical;
    final int[] tokenStart;
    final int[] tokenEnd;
    final int tokens;
    private final int[] foldedStart;
    private final int[] foldedEnd;
    private final byte[] flags;

    private LooseText(String field, FoldedText folded, String canonical, int[] foldedStart, int[] foldedEnd,
                      byte[] flags, int[] tokenStart, int[] tokenEnd, int tokens) {
        this.field = field;
        this.folded = folded;
        this.canonical = canonical;
        this.foldedStart = foldedStart;
        this.foldedEnd = foldedEnd;
        this.flags = flags;
        this.tokenStart = tokenStart;
        this.tokenEnd = tokenEnd;
        this.tokens = tokens;
    }

    static LooseText of(String text, String field) {
        return of(FoldedText.of(text), field);
    }

    /** From a text folded already (the detection context folds each listing text once for all detectors). */
    static LooseText of(FoldedText folded, String field) {
        String f = folded.folded();
        int n = f.length();
        char[] out = new char[n];
        int[] start = new int[n];
        int[] end = new int[n];
        byte[] flag = new byte[n];
        boolean[] runStart = new boolean[n + 1];
        int m = 0;
        boolean inRun = false;
        for (int k = 0; k < n; ) {
            int cp = f.codePointAt(k);
            int len = Character.charCount(cp);
            char c = 0;
            byte fl = 0;
            if (cp < 0x80 && Character.isLetterOrDigit(cp)) {
                c = (char) cp;
            } else if (cp >= 0x80) {
                // folding lower-cased it: Greek "Ν" (N) became "ν", which imitates "v"; ask for the original
                String written = folded.span(k, k + len, "").text();
                int original = written.isEmpty() ? cp : written.codePointAt(0);
                char proto = Character.isUpperCase(original) ? Confusables.prototype(original) : 0;
                proto = proto != 0 ? proto : Confusables.prototype(cp);
                if (proto != 0) {
                    c = proto;
                    fl = LOOK_ALIKE;
                } else if (Character.isLetterOrDigit(cp)) {
                    c = cp <= 0xFFFF ? (char) cp : '\uFFFD';
                }
            } else if (inRun && m > 0 && Character.isLetter(out[m - 1]) && k + 1 < n
                    && Character.isLetter(f.charAt(k + 1))) {
                c = symbolForLetter(cp); // "Ad!das", "Gucc!", "$amsung" inside a word
                fl = c == 0 ? 0 : LEET;
            }
            if ((cp == '\'' || cp == '\u2019') && inRun) {
                k += len; // "Biti's" is one word: the apostrophe neither counts nor separates
                continue;
            }
            if (c == 0) {
                inRun = false;
            } else {
                runStart[m] = !inRun;
                inRun = true;
                out[m] = c;
                start[m] = k;
                end[m] = k + len;
                flag[m] = fl;
                m++;
            }
            k += len;
        }
        digitsForLetters(out, flag, runStart, m);
        int[] ts = new int[m + 1];
        int[] te = new int[m + 1];
        int t = 0;
        for (int i = 0; i < m; i++) {
            boolean boundary = runStart[i] || Character.isDigit(out[i]) != Character.isDigit(out[i - 1]);
            if (boundary) {
                if (t > 0) {
                    te[t - 1] = i;
                }
                ts[t++] = i;
            }
        }
        if (t > 0) {
            te[t - 1] = m;
        }
        return new LooseText(field, folded, new String(out, 0, m), Arrays.copyOf(start, m), Arrays.copyOf(end, m),
                Arrays.copyOf(flag, m), ts, te, t);
    }

    /** Digits between letters of one word read as the letters they imitate: "n1ke" → "nike". */
    private static void digitsForLetters(char[] out, byte[] flag, boolean[] runStart, int m) {
        for (int i = 1; i < m; i++) {
            if (runStart[i] || !Character.isLetter(out[i - 1]) || letterFor(out[i]) == 0) {
                continue;
            }
            int j = i;
            while (j < m && !runStart[j] && letterFor(out[j]) != 0) {
                j++;
            }
            if (j < m && !runStart[j] && Character.isLetter(out[j])) {
                for (int k = i; k < j; k++) {
                    out[k] = letterFor(out[k]);
                    flag[k] = LEET;
                }
            }
            i = j;
        }
    }

    private static char letterFor(char digit) {
        return switch (digit) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5' -> 's';
            case '7' -> 't';
            default -> 0;
        };
    }

    private static char symbolForLetter(int cp) {
        return switch (cp) {
            case '@' -> 'a';
            case '$' -> 's';
            case '!', '|' -> 'i';
            default -> 0;
        };
    }

    /** The flags (LEET, LOOK_ALIKE) of canonical characters [from, to), or-ed. */
    byte flags(int from, int to) {
        byte all = 0;
        for (int i = from; i < to; i++) {
            all |= flags[i];
        }
        return all;
    }

    /** Offset in the folded text of canonical character {@code i}. */
    int foldedOffset(int i) {
        return foldedStart[i];
    }

    /** The span over the field as stored that covers canonical characters [from, to). */
    EvidenceSpan span(int from, int to) {
        return folded.span(foldedStart[from], foldedEnd[to - 1], field);
    }
}
