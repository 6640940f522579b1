package org.markguard.demo;

import java.text.Normalizer;
import org.markguard.api.FoldedText;

/** The spellings sellers really use: with diacritics, without them, or decomposed (NFD). */
final class VietnameseText {
    private VietnameseText() {
    }

    /** How a listing's text is written; detectors must treat all three alike. */
    enum Form {
        NFC, NO_DIACRITICS, NFD
    }

    static String inForm(String text, Form form) {
        return switch (form) {
            case NFC -> Normalizer.normalize(text, Normalizer.Form.NFC);
            case NO_DIACRITICS -> stripDiacritics(text);
            case NFD -> Normalizer.normalize(text, Normalizer.Form.NFD);
        };
    }

    /** Removes tone and vowel marks but keeps case: "Nước mắm Đà Nẵng" → "Nuoc mam Da Nang". */
    static String stripDiacritics(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** A URL slug: folded, ASCII letters and digits separated by dashes, at most 70 characters. */
    static String slug(String text) {
        String slug = FoldedText.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 70) {
            slug = slug.substring(0, 70).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "san-pham" : slug;
    }

    /** Upper-cases the first letter (product terms are stored lower-case in the registries). */
    static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first)))
                + text.substring(Character.charCount(first));
    }
}
