package org.markguard.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markguard.api.FoldedText;
import org.markguard.api.ProductGroup;
import org.markguard.api.ProductTaxonomy;

/**
 * Places a listing in a product group by the words of its title (and, three times weaker, the
 * start of its description). Each term found as whole words scores the square of its word count,
 * so "sữa rửa mặt" (cosmetics, 9) beats "sữa" (food, 1) and "thuốc bảo vệ thực vật" (agricultural
 * inputs) beats "thuốc" (pharmaceuticals). The highest total wins; a tie goes to the group listed
 * first. Matching is on folded word n-grams looked up in a map, so the cost does not grow with the
 * number of terms.
 *
 * <p>Folding alone would confuse words Vietnamese tells apart only by their marks: "ví" (wallet)
 * and "vỉ" (blister pack), "quần" (trousers) and "quận" (district), "gối" (pillow) and "gói"
 * (packet), "đèn" (lamp) and "đen" (black), "kho" (store) and "khô" (dried). So in a text
 * written with marks every word must match the term's word with its marks; only a text written
 * without any (sellers who type without accents) is matched folded.
 */
final class ProductGroupClassifier implements ProductTaxonomy {
    static final String RESOURCE = "/registry/product-groups.json";
    static final int MAX_TERM_WORDS = 6;
    static final int DESCRIPTION_CHARS = 1000;
    private static final int TITLE_WEIGHT = 3;

    private final List<ProductGroup> groups;
    /** A term of one group: its words as written (lower case, NFC) and its weight. */
    private record Term(int group, List<String> written, int weight) {
    }

    /** One word of a text: lower case as written, and folded. */
    record Word(String written, String folded) {
    }

    /** Folded term (words joined by one space) → the terms of that folded form. */
    private final Map<String, List<Term>> terms = new HashMap<>();

    ProductGroupClassifier(List<ProductGroup> groups) {
        this.groups = List.copyOf(groups);
        for (int g = 0; g < groups.size(); g++) {
            for (String term : groups.get(g).terms()) {
                List<Word> words = words(term);
                if (!words.isEmpty() && words.size() <= MAX_TERM_WORDS) {
                    String key = String.join(" ", words.stream().map(Word::folded).toList());
                    terms.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Term(g, words.stream().map(Word::written).toList(), words.size() * words.size()));
                }
            }
        }
    }

    /** The taxonomy in a file, or the bundled default when the file does not exist. */
    static ProductGroupClassifier load(Path file) throws IOException {
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new ProductGroupClassifier(parse(new ObjectMapper().readTree(in), file.toString()));
            }
        }
        try (InputStream in = ProductGroupClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new ProductGroupClassifier(List.of());
            }
            return new ProductGroupClassifier(parse(new ObjectMapper().readTree(in), RESOURCE));
        }
    }

    /** Strict: a wrong file is refused with the path of the problem, not half used. */
    static List<ProductGroup> parse(JsonNode root, String source) {
        JsonNode list = root == null ? null : root.get("productGroups");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(source + ": productGroups must be an array");
        }
        List<ProductGroup> out = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode g = list.get(i);
            String at = source + ": productGroups[" + i + "]";
            String id = g.path("id").asText("");
            if (!id.matches("[a-z0-9][a-z0-9-]{0,63}") || !ids.add(id)) {
                throw new IllegalArgumentException(at + ".id must be a unique lowercase id: '" + id + "'");
            }
            Map<String, String> names = new LinkedHashMap<>();
            g.path("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
            if (!names.containsKey("vi") || !names.containsKey("en")) {
                throw new IllegalArgumentException(at + ".names needs vi and en");
            }
            List<String> terms = new ArrayList<>();
            g.path("terms").forEach(t -> terms.add(t.asText()));
            if (terms.isEmpty()) {
                throw new IllegalArgumentException(at + ".terms must not be empty");
            }
            out.add(new ProductGroup(id, names, terms));
        }
        return out;
    }

    @Override
    public List<ProductGroup> groups() {
        return groups;
    }

    @Override
    public Optional<String> classify(String title, String description) {
        int[] score = new int[groups.size()];
        add(score, words(title), TITLE_WEIGHT);
        if (description != null && !description.isBlank()) {
            String start = description.length() > DESCRIPTION_CHARS ? description.substring(0, DESCRIPTION_CHARS) : description;
            add(score, words(start), 1);
        }
        int best = -1;
        for (int g = 0; g < score.length; g++) {
            if (score[g] > 0 && (best < 0 || score[g] > score[best])) {
                best = g;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(groups.get(best).id());
    }

    private void add(int[] score, List<Word> words, int weight) {
        boolean accented = words.stream().anyMatch(w -> !w.written().equals(w.folded()));
        StringBuilder gram = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            gram.setLength(0);
            for (int n = 0; n < MAX_TERM_WORDS && i + n < words.size(); n++) {
                if (n > 0) {
                    gram.append(' ');
                }
                gram.append(words.get(i + n).folded());
                List<Term> hits = terms.get(gram.toString());
                if (hits == null) {
                    continue;
                }
                int[] best = new int[score.length]; // a group counts a gram once, by its best term
                for (Term t : hits) {
                    if ((!accented || matchesAsWritten(words, i, t)) && t.weight() > best[t.group()]) {
                        best[t.group()] = t.weight();
                    }
                }
                for (int g = 0; g < best.length; g++) {
                    score[g] += weight * best[g];
                }
            }
        }
    }

    private static boolean matchesAsWritten(List<Word> words, int from, Term term) {
        for (int k = 0; k < term.written().size(); k++) {
            if (!words.get(from + k).written().equals(term.written().get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether folding would leave a word as it is: the word is lower-cased already, and folding an
     * ASCII letter or digit only lower-cases it (it decomposes every other character, which is
     * what makes it slow).
     */
    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The words of a text (letters and digits; everything else separates), as written and folded. */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String lower = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean word = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String w = lower.substring(start, i);
                out.add(new Word(w, isAscii(w) ? w : FoldedText.fold(w)));
                start = -1;
            }
        }
        return out;
    }
}
