package org.markguard.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A cheap necessary condition for the SKU and brand labels of {@link VisibleFacts}: the first
 * word of every label those patterns accept starts with one of these prefixes. The page walk asks
 * it for every text that opens an element, so the label regexes (dozens of alternatives each)
 * run on a few elements instead of all of them. Keep it in step with the patterns.
 */
final class LabelStarts {
    private static final String[] PREFIXES = {
        // SKU labels
        "sku", "item", "product", "article", "art", "bestell", "best", "ref", "nr", "numer", "cod", "códig",
        "šifra", "tootekood", "kood", "код", "артикул", "mã", "ma", "ürün", "varenummer", "produktnummer",
        "tuotenumero", "numéro", "n°", "model",
        // brand labels
        "brand", "mar", "merk", "thương", "thuong", "бренд", "производитель", "hersteller", "fabricante",
        "manufacturer"};
    /**
     * The prefixes by their first character (an array for ASCII, a map for the others): a text is
     * compared with those of its own first letter only.
     */
    private static final String[][] BY_ASCII = new String[128][];
    private static final Map<Character, String[]> BY_OTHER = new HashMap<>();

    static {
        for (String prefix : PREFIXES) {
            char first = prefix.charAt(0);
            String[] known = first < 128 ? BY_ASCII[first] : BY_OTHER.get(first);
            String[] more = known == null ? new String[] {prefix} : Arrays.copyOf(known, known.length + 1);
            more[more.length - 1] = prefix;
            if (first < 128) {
                BY_ASCII[first] = more;
            } else {
                BY_OTHER.put(first, more);
            }
        }
    }

    private LabelStarts() {
    }

    /** Whether the text, after leading whitespace, may begin a SKU or brand label. */
    static boolean mayStartALabel(String text) {
        int start = 0;
        while (start < text.length() && start < 40 && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start >= text.length() || start >= 40) {
            return false;
        }
        char first = Character.toLowerCase(text.charAt(start));
        String[] prefixes = first < 128 ? BY_ASCII[first] : BY_OTHER.get(first);
        if (prefixes == null) {
            return false;
        }
        char second = start + 1 < text.length() ? Character.toLowerCase(text.charAt(start + 1)) : 0;
        for (String prefix : prefixes) {
            // the second letter first: the case-blind comparison of the rest is the slow part
            if (prefix.charAt(1) == second && text.regionMatches(true, start, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }
}
