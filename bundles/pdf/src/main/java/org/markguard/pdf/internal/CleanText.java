package org.markguard.pdf.internal;

import java.text.Normalizer;

/**
 * Makes crawled text safe to lay out, before any font is involved: NFC (crawls often deliver
 * Vietnamese decomposed, and the fonts have the precomposed letters), one kind of line break,
 * tabs and exotic spaces as plain spaces, control and format characters dropped (they have no
 * glyph, and bidi overrides could disguise text), lone surrogates and unassigned or private-use
 * code points replaced by U+FFFD so that the reader sees that something was there.
 */
final class CleanText {
    static final int REPLACEMENT = 0xFFFD;

    private CleanText() {
    }

    /** Text whose line breaks are kept as {@code '\n'}. */
    static String multiline(String raw) {
        return clean(raw, true);
    }

    /** Text on one line: line breaks become spaces. */
    static String singleLine(String raw) {
        return clean(raw, false);
    }

    private static String clean(String raw, boolean keepLineBreaks) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(withoutLoneSurrogates(raw), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r' && i < text.length() && text.charAt(i) == '\n') {
                continue; // CR LF is one break, counted at the LF
            }
            if (isLineBreak(cp)) {
                out.append(keepLineBreaks ? '\n' : ' ');
            } else if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                out.append(' ');
            } else if (isInvisible(cp)) {
                // dropped
            } else if (isUnprintable(cp)) {
                out.appendCodePoint(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static String withoutLoneSurrogates(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(raw.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(raw.length()).append(raw, 0, i);
                }
                out.append((char) REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }

    private static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF); // variation selectors
    }

    private static boolean isUnprintable(int cp) {
        int type = Character.getType(cp);
        return type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
