package org.markguard.itests;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Vietnamese text as a user types it without diacritics ("Nước mắm" → "nuoc mam"), for the browser test. */
final class WorkbenchText {
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}+(?![\\p{L}\\p{N}])");

    private WorkbenchText() {
    }

    static String fold(String s) {
        String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }

    /** The words of a title made of letters only (no "1:1", no "500ml"), folded. */
    static List<String> foldedWords(String title) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(fold(title));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static boolean hasDiacritics(String s) {
        return !fold(s).equals(s.toLowerCase(Locale.ROOT));
    }

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
