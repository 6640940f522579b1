package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markguard.api.Brand;
import org.markguard.api.Registries;

/**
 * The brand names of one {@link Registries} instance, indexed so that finding them in a listing
 * costs a few hash lookups per word whatever the number of brands: canonical name → names, the
 * prefixes worth extending over the next word, and for typos every name with one letter deleted
 * (a symmetric-delete index: two strings one edit apart share a one-deletion form).
 */
final class BrandIndex {
    /** Names shorter than this ("LV", "BMT") match only exactly, as one written word. */
    static final int MIN_LOOSE_LENGTH = 4;
    /** Names at least this long also match with one letter wrong, missing, extra or swapped. */
    static final int MIN_TYPO_LENGTH = 5;
    private static final int MAX_JOINED_TOKENS = 16;

    /** A registry name in canonical form, with the offsets where its words end. */
    record Name(Brand brand, String written, String canonical, Set<Integer> wordEnds) {
        boolean isShort() {
            return canonical.length() < MIN_LOOSE_LENGTH;
        }
    }

    final Registries registries;
    private final Map<String, List<Name>> exact = new HashMap<>();
    private final Set<String> prefixes = new HashSet<>();
    private final Map<String, List<Name>> oneDeleted = new HashMap<>();
    private final boolean[][] typoShape = new boolean[128][]; // [first letter][length] of typo-able names
    private int maxLength;

    BrandIndex(Registries registries) {
        this.registries = registries;
        for (Brand brand : registries.brands()) {
            for (String written : brand.names()) {
                add(brand, written);
            }
        }
    }

    private void add(Brand brand, String written) {
        LooseText text = LooseText.of(written, "");
        String canonical = text.canonical;
        if (canonical.length() < 2) {
            return;
        }
        Set<Integer> wordEnds = new HashSet<>();
        for (int t = 0; t < text.tokens; t++) {
            wordEnds.add(text.tokenEnd[t]);
        }
        Name name = new Name(brand, written, canonical, wordEnds);
        List<Name> same = exact.computeIfAbsent(canonical, k -> new ArrayList<>(1));
        if (same.stream().noneMatch(n -> n.brand() == brand)) {
            same.add(name);
        }
        maxLength = Math.max(maxLength, canonical.length());
        for (int i = 1; i < canonical.length(); i++) {
            prefixes.add(canonical.substring(0, i));
        }
        char first = canonical.charAt(0);
        if (canonical.length() >= MIN_TYPO_LENGTH && text.tokens == 1 && first < 128) {
            for (String key : deletions(canonical)) {
                oneDeleted.computeIfAbsent(key, k -> new ArrayList<>(1)).add(name);
            }
            oneDeleted.computeIfAbsent(canonical, k -> new ArrayList<>(1)).add(name);
            boolean[] lengths = typoShape[first];
            if (lengths == null || lengths.length < canonical.length() + 2) {
                boolean[] grown = new boolean[canonical.length() + 2];
                if (lengths != null) {
                    System.arraycopy(lengths, 0, grown, 0, lengths.length);
                }
                typoShape[first] = lengths = grown;
            }
            for (int len = canonical.length() - 1; len <= canonical.length() + 1; len++) {
                lengths[len] = true;
            }
        }
    }

    /** Names written out in the text, possibly spelled out, with look-alike letters or digits. */
    void findNames(LooseText text, List<BrandMention> out) {
        String c = text.canonical;
        for (int t = 0; t < text.tokens; t++) {
            int from = text.tokenStart[t];
            for (int u = t; u < text.tokens && u - t < MAX_JOINED_TOKENS; u++) {
                int to = text.tokenEnd[u];
                if (to - from > maxLength) {
                    break;
                }
                String key = c.substring(from, to);
                List<Name> hits = exact.get(key);
                if (hits != null) {
                    for (Name name : hits) {
                        BrandMention.Obfuscation how = accept(name, text, t, u);
                        if (how != null) {
                            out.add(new BrandMention(name, text, from, to, how));
                        }
                    }
                }
                if (!prefixes.contains(key)) {
                    break;
                }
            }
        }
    }

    /** Single words one edit away from a name of five letters or more ("Adidaas", "Guccl"). */
    void findTypos(LooseText text, Set<String> realWords, List<BrandMention> out) {
        String c = text.canonical;
        for (int t = 0; t < text.tokens; t++) {
            int from = text.tokenStart[t];
            int to = text.tokenEnd[t];
            char first = c.charAt(from);
            boolean[] lengths = first < 128 ? typoShape[first] : null;
            if (lengths == null || to - from >= lengths.length || !lengths[to - from]) {
                if (to - from > MIN_LOOSE_LENGTH && to - from <= maxLength + 1) {
                    String word = c.substring(from, to);
                    if (!exact.containsKey(word) && !realWords.contains(word)) {
                        doubledLetter(text, from, to, word, out);
                    }
                }
                continue;
            }
            String word = c.substring(from, to);
            if (exact.containsKey(word) || realWords.contains(word) || writtenWithDiacritics(text, from, to)) {
                continue;
            }
            doubledLetter(text, from, to, word, out);
            Set<Name> seen = new HashSet<>();
            collect(oneDeleted.get(word), word, seen);
            for (String key : deletions(word)) {
                collect(oneDeleted.get(key), word, seen);
            }
            for (Name name : seen) {
                out.add(new BrandMention(name, text, from, to, BrandMention.Obfuscation.MISSPELT));
            }
        }
    }

    /** "Diorr", "Nikee": a name of four letters or more with one letter doubled. */
    private void doubledLetter(LooseText text, int from, int to, String word, List<BrandMention> out) {
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1)) {
                List<Name> names = exact.get(word.substring(0, i) + word.substring(i + 1));
                if (names != null) {
                    for (Name name : names) {
                        if (!name.isShort() && name.canonical().length() < MIN_TYPO_LENGTH) {
                            out.add(new BrandMention(name, text, from, to, BrandMention.Obfuscation.MISSPELT));
                        }
                    }
                }
            }
        }
    }

    /** "Giày", "giấy", "ngào": a word written with Vietnamese marks is a word, not a misspelt brand. */
    private static boolean writtenWithDiacritics(LooseText text, int from, int to) {
        String written = text.span(from, to).text();
        for (int i = 0; i < written.length(); i++) {
            char ch = written.charAt(i);
            if (ch >= 0x80 && Character.isLetter(ch) && (text.flags(from, to) & LooseText.LOOK_ALIKE) == 0) {
                return true;
            }
        }
        return false;
    }

    private static void collect(List<Name> names, String word, Set<Name> seen) {
        if (names == null) {
            return;
        }
        for (Name name : names) {
            // typo-squatters keep the first letter; "phone" is not a typo of "iPhone"
            if (name.canonical().charAt(0) == word.charAt(0) && oneEditApart(word, name.canonical())) {
                seen.add(name);
            }
        }
    }

    /**
     * Whether joined tokens t..u may be read as the name: one token; or tokens split exactly where
     * the name's words end ("Louis Vuitton", "La Roche-Posay"); or a name spelled out letter by letter
     * ("G.U.C.C.I"). Short names only as one unaltered word.
     */
    private static BrandMention.Obfuscation accept(Name name, LooseText text, int t, int u) {
        int from = text.tokenStart[t];
        int to = text.tokenEnd[u];
        byte flags = text.flags(from, to);
        if (name.isShort()) {
            return t == u && flags == 0 ? BrandMention.Obfuscation.NONE : null;
        }
        boolean spelled = u - t >= 2;
        boolean alongWords = true;
        for (int k = t; k <= u; k++) {
            spelled &= text.tokenEnd[k] - text.tokenStart[k] <= 2;
            if (k < u && !name.wordEnds().contains(text.tokenEnd[k] - from)) {
                alongWords = false;
            }
        }
        if (!alongWords && !spelled) {
            return null;
        }
        if ((flags & LooseText.LOOK_ALIKE) != 0) {
            return BrandMention.Obfuscation.LOOK_ALIKE;
        }
        if ((flags & LooseText.LEET) != 0) {
            return BrandMention.Obfuscation.DIGITS_FOR_LETTERS;
        }
        return alongWords ? BrandMention.Obfuscation.NONE : BrandMention.Obfuscation.SPELLED_OUT;
    }

    private static List<String> deletions(String s) {
        List<String> keys = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            keys.add(s.substring(0, i) + s.substring(i + 1));
        }
        return keys;
    }

    /** Optimal-string-alignment distance ≤ 1: one substitution, insertion, deletion or swap. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
                : b.substring(i + 1).equals(a.substring(i));
    }
}
