package org.markguard.pdf.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks printable text into lines no wider than a width: at spaces, and inside a word that is
 * wider than a whole line (URLs, hashes, hostile 10,000-character "words"), preferably after a
 * URL delimiter, never between a letter and its combining mark. Runs of spaces collapse to one.
 */
final class LineWrapper {
    private static final String PREFERRED_BREAKS_AFTER = "/-._?&=#:,;+~";
    private final FontFace face;
    private final String ellipsis;
    private final float size;
    private final float maxWidth;

    LineWrapper(FontFace face, float size, float maxWidth) {
        this.face = face;
        this.size = size;
        this.maxWidth = Math.max(maxWidth, 1f);
        this.ellipsis = face.printable("\u2026");
    }

    /** The lines of {@code printable}; an empty text gives no line, an empty line in it gives "". */
    List<String> wrap(String printable) {
        List<String> lines = new ArrayList<>();
        if (printable.isEmpty()) {
            return lines;
        }
        for (String paragraph : printable.split("\n", -1)) {
            wrapParagraph(paragraph, lines);
        }
        return lines;
    }

    /** Like {@link #wrap}, but at most {@code maxLines}; the last kept line ends with an ellipsis. */
    List<String> wrap(String printable, int maxLines) {
        List<String> lines = wrap(printable);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, truncate(kept.get(maxLines - 1) + ellipsis));
        return kept;
    }

    /** {@code printable} on one line, cut and ended with an ellipsis when it is too wide. */
    String truncate(String printable) {
        if (face.width(printable, size) <= maxWidth) {
            return printable;
        }
        float room = maxWidth - face.width(ellipsis, size);
        int end = fittingPrefixEnd(printable, 0, room);
        return printable.substring(0, end).stripTrailing() + ellipsis;
    }

    private void wrapParagraph(String paragraph, List<String> lines) {
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        float spaceWidth = face.width(' ', size);
        for (String word : paragraph.split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            float wordWidth = face.width(word, size);
            if (line.length() > 0 && lineWidth + spaceWidth + wordWidth <= maxWidth) {
                line.append(' ').append(word);
                lineWidth += spaceWidth + wordWidth;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            int start = 0;
            for (int end = fittingPrefixEnd(word, 0, maxWidth); end < word.length();
                    end = fittingPrefixEnd(word, start, maxWidth)) {
                int cut = preferredCut(word, start, end);
                lines.add(word.substring(start, cut));
                start = cut;
            }
            String rest = word.substring(start);
            line.append(rest);
            lineWidth = face.width(rest, size);
        }
        lines.add(line.toString());
    }

    /**
     * Where to cut a word wider than a line, whose piece from {@code start} fits up to {@code end}:
     * after the last delimiter in that piece if it comes late enough, else at {@code end}.
     */
    private int preferredCut(String word, int start, int end) {
        for (int i = end - 1; i > start; i--) {
            if (PREFERRED_BREAKS_AFTER.indexOf(word.charAt(i)) >= 0) {
                boolean lateEnough = face.width(word.substring(start, i + 1), size) >= maxWidth * 0.6f;
                return lateEnough ? i + 1 : end;
            }
        }
        return end;
    }

    /**
     * The end of the longest prefix of {@code text} from {@code start} that fits in {@code room}:
     * at least one character (with its combining marks), so that layout always moves on.
     */
    private int fittingPrefixEnd(String text, int start, float room) {
        float width = 0;
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            float w = face.width(cp, size);
            boolean mark = isCombiningMark(cp);
            if (!mark && i > start && width + w > room) {
                break;
            }
            width += w;
            i = next;
        }
        // when the first character alone is too wide it still goes on the line
        return i == start && start < text.length() ? start + Character.charCount(text.codePointAt(start)) : i;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
