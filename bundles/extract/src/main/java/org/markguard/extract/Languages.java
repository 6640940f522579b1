package org.markguard.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.markguard.api.FoldedText;

/**
 * Tells Vietnamese text from other text, for {@code details.language}. Vietnamese is the only
 * language the detectors care about, so this is a two-way decision: letters only Vietnamese uses
 * (ơ, ư, đ, ạ, ả, ẫ …), or, for text typed without diacritics, a share of very common Vietnamese
 * syllables. Other Latin text is reported as "en" only when common English words dominate;
 * anything else stays unknown (null) rather than guessed.
 */
final class Languages {
    // letters with Vietnamese-only tone or vowel marks (not shared with French, Portuguese …)
    // (a string searched per character: a regex character class costs ~10× more on long descriptions)
    private static final String VIETNAMESE_LETTERS = "ơưđĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợ"
            + "ụủứừửữựỳỵỷỹ";
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]+");
    private static final Set<String> VIETNAMESE_SYLLABLES = Set.of("ban", "gia", "hang", "chinh", "hieu", "cho",
            "cua", "va", "khong", "nhung", "mot", "nay", "duoc", "san", "pham", "moi", "nguoi", "dep", "re",
            "ship", "toan", "quoc", "chat", "luong", "tui", "xach", "ao", "quan", "giay", "nu", "nam", "trong",
            "voi", "thao", "co", "la", "cac", "nhieu", "thuong", "mua", "dung", "the", "tu", "den", "khach", "lien", "he");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "for", "with", "of", "to", "in", "is",
            "on", "this", "your", "our", "new", "free", "shipping", "buy", "size", "color", "product", "from");

    private Languages() {
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** "vi", "en", or null when undecided; texts may be null. */
    static String detect(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null && all.length() < 4_000) {
                all.append(text, 0, Math.min(text.length(), 4_000)).append(' ');
            }
        }
        String text = all.toString();
        if (text.isBlank()) {
            return null;
        }
        int marks = 0;
        boolean asciiLetters = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            asciiLetters &= c < 0x80 || !Character.isLetter(c) && !isMark(c);
            if (c >= '\u0100' && marks < 3 && VIETNAMESE_LETTERS.indexOf(c) >= 0) { // all above Latin-1
                marks++;
            }
        }
        // the words are runs of a-z: when every letter is ASCII, folding them only lower-cases them
        // (the full folding decomposes every character, and costs ten times more)
        String[] words = NOT_LETTERS.split(asciiLetters ? PageScan.lower(text) : FoldedText.fold(text));
        int vietnamese = 0;
        int english = 0;
        int total = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            total++;
            vietnamese += VIETNAMESE_SYLLABLES.contains(word) ? 1 : 0;
            english += ENGLISH_WORDS.contains(word.toLowerCase(Locale.ROOT)) ? 1 : 0;
        }
        if (marks >= 2 || marks == 1 && (total <= 3 || vietnamese >= 1)) {
            return "vi";
        }
        if (total > 0 && vietnamese >= 2 && vietnamese * 4 >= total && vietnamese > english) {
            return "vi";
        }
        return total >= 3 && english * 6 >= total ? "en" : null;
    }
}
