package org.markguard.extract;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Text clean-up shared by all sources, so every field is normalised the same way. */
final class Text {
    // \s misses the no-break and zero-width spaces that shop pages are full of
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]+");
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]|&(#?\\w+);");

    private Text() {
    }

    /**
     * NFC-normalises (pages arrive in NFD or windows-1258, whose tone marks decode as combining
     * characters), turns markup into plain text, collapses whitespace and trims.
     *
     * @return the clean text, or null when nothing but whitespace is left
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (MARKUP.matcher(text).find()) {
            // descriptions in JSON and meta tags often carry HTML or entities
            text = Jsoup.parseBodyFragment(text).text();
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /** Cuts a text to at most {@code max} chars without splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }

    /** A short, single-line form of an exception message for warnings. */
    static String brief(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = SPACES.matcher(message).replaceAll(" ").strip();
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
