package org.markguard.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The ways counterfeit sellers disguise a brand name so that plain matching misses it: "G.U.C.C.I",
 * "g u c c i", Cyrillic or Greek look-alike letters ("Guссi"), leetspeak ("L0uis Vuitt0n", "N1ke"),
 * small typos ("Adidaas", "Channel"), or the name only in the image alt text. The label field
 * {@code obfuscation} names the way used.
 */
final class BrandObfuscation {
    static final String NONE = "none";
    static final String ALT_TEXT = "alt-text";
    static final List<String> KINDS = List.of("spaced", "dotted", "confusable", "leet", "typo", ALT_TEXT);

    /** Latin letter → a Cyrillic or Greek letter that looks the same. */
    private static final Map<Character, Character> CONFUSABLES = Map.ofEntries(
            Map.entry('a', '\u0430'), Map.entry('c', '\u0441'), Map.entry('e', '\u0435'), Map.entry('o', '\u043E'),
            Map.entry('p', '\u0440'), Map.entry('x', '\u0445'), Map.entry('y', '\u0443'), Map.entry('i', '\u0456'),
            Map.entry('A', '\u0410'), Map.entry('B', '\u0412'), Map.entry('C', '\u0421'), Map.entry('E', '\u0415'),
            Map.entry('H', '\u041D'), Map.entry('K', '\u041A'), Map.entry('M', '\u041C'), Map.entry('O', '\u041E'),
            Map.entry('P', '\u0420'), Map.entry('T', '\u0422'), Map.entry('S', '\u0405'), Map.entry('N', '\u039D'),
            Map.entry('v', '\u03BD'), Map.entry('u', '\u03C5'), Map.entry('k', '\u03BA'));
    /** Typos sellers make, or make on purpose; other names get their last letter doubled. */
    private static final Map<String, String> TYPOS = Map.ofEntries(
            Map.entry("Gucci", "Guccl"), Map.entry("Adidas", "Adidaas"), Map.entry("Chanel", "Channel"),
            Map.entry("Nike", "Nikee"), Map.entry("Louis Vuitton", "Louis Vuiton"), Map.entry("LV", "LVV"),
            Map.entry("Rolex", "Rolexx"), Map.entry("Samsung", "Samsumg"), Map.entry("Dior", "Diorr"),
            Map.entry("Apple", "Aplle"), Map.entry("iPhone", "iPhon"), Map.entry("AirPods", "AirPodz"),
            Map.entry("MacBook", "MacBok"), Map.entry("Vinamilk", "Vinamik"), Map.entry("Biti's", "Bittis"),
            Map.entry("Bitis", "Bittis"), Map.entry("Galaxy", "Galaxi"), Map.entry("La Roche-Posay", "La Roche Posai"),
            Map.entry("La Roche Posay", "La Roche Posai"));

    private BrandObfuscation() {
    }

    /** About two counterfeits in five hide the brand; the rest name it plainly. */
    static String pick(SplittableRandom rnd) {
        return rnd.nextInt(100) < 60 ? NONE : KINDS.get(rnd.nextInt(KINDS.size()));
    }

    /** A brand name written the given way ({@code none} and {@code alt-text} leave it as it is). */
    static String apply(String kind, String name, SplittableRandom rnd) {
        return switch (kind) {
            case "spaced" -> letters(name, " ", rnd.nextBoolean());
            case "dotted" -> letters(name, ".", true);
            case "confusable" -> confusable(name, rnd);
            case "leet" -> leet(name);
            case "typo" -> TYPOS.getOrDefault(name, name + name.charAt(name.length() - 1));
            default -> name;
        };
    }

    /** "Gucci" → "G.U.C.C.I" or "g u c c i"; a single space between words, as HTML shows it anyway. */
    private static String letters(String name, String separator, boolean upper) {
        StringBuilder out = new StringBuilder();
        for (String word : name.replace("'", "").split("[ -]+")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            String w = upper ? word.toUpperCase(java.util.Locale.ROOT) : word.toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < w.length(); i++) {
                out.append(i == 0 ? "" : separator).append(w.charAt(i));
            }
        }
        return out.toString();
    }

    /** Replaces some letters (at least one) by look-alikes: "Gucci" → "Guссi". */
    private static String confusable(String name, SplittableRandom rnd) {
        StringBuilder out = new StringBuilder(name);
        int replaced = 0;
        int last = -1;
        for (int i = 0; i < out.length(); i++) {
            Character look = CONFUSABLES.get(out.charAt(i));
            if (look != null) {
                last = i;
                if (rnd.nextBoolean()) {
                    out.setCharAt(i, look);
                    replaced++;
                }
            }
        }
        if (replaced == 0 && last >= 0) {
            out.setCharAt(last, CONFUSABLES.get(out.charAt(last)));
        }
        return out.toString();
    }

    /** o → 0 when the name has an o ("L0uis Vuitt0n"), else i → 1 ("N1ke"), else e → 3, else a → 4. */
    private static String leet(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String pair : List.of("o0", "i1", "e3", "a4", "s5")) {
            char from = pair.charAt(0);
            if (lower.indexOf(from) >= 0) {
                return name.replace(from, pair.charAt(1)).replace(Character.toUpperCase(from), pair.charAt(1));
            }
        }
        return name + "1";
    }
}
