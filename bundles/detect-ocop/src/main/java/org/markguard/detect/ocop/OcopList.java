package org.markguard.detect.ocop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.FoldedText;

/**
 * The OCOP-certified products: {@code {"products":[{"id","name","producer","province","stars",
 * "certifiedOn":"YYYY-MM-DD"}]}}. Names are indexed by their folded words, so that matching a
 * listing costs a lookup per title word, not a pass over the list.
 */
final class OcopList {
    /** One certified product. */
    record Product(String id, String name, String producer, String province, int stars, LocalDate certifiedOn,
                   List<String> words) {
    }

    static final OcopList EMPTY = new OcopList(List.of());

    final List<Product> products;
    private final Map<String, List<Product>> byWord = new HashMap<>();

    OcopList(List<Product> products) {
        this.products = List.copyOf(products);
        for (Product product : this.products) {
            for (String word : product.words()) {
                byWord.computeIfAbsent(word, k -> new ArrayList<>(1)).add(product);
            }
        }
    }

    static OcopList read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static OcopList parse(String json, String source) {
        Object root = MiniJson.parse(json);
        if (!(root instanceof Map<?, ?> map) || !(map.get("products") instanceof List<?> items)) {
            throw new IllegalArgumentException(source + ": expected {\"products\":[…]}");
        }
        List<Product> products = new ArrayList<>();
        int n = 0;
        for (Object item : items) {
            String where = source + ": products[" + n++ + "]";
            if (!(item instanceof Map<?, ?> p)) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            String id = text(p, "id", where);
            String name = text(p, "name", where);
            Object stars = p.get("stars");
            if (!(stars instanceof Double d) || d < 1 || d > 5) {
                throw new IllegalArgumentException(where + ".stars must be 1..5");
            }
            LocalDate certifiedOn;
            try {
                certifiedOn = LocalDate.parse(text(p, "certifiedOn", where));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ".certifiedOn must be YYYY-MM-DD");
            }
            products.add(new Product(id, name, optional(p, "producer"), optional(p, "province"), d.intValue(),
                    certifiedOn, words(name)));
        }
        return new OcopList(products);
    }

    /** Products whose name's words mostly occur in the text (at least {@code share} of them, and 2). */
    List<Product> matching(List<String> textWords, double share) {
        Map<Product, Integer> hits = new HashMap<>();
        for (String word : textWords) {
            for (Product product : byWord.getOrDefault(word, List.of())) {
                hits.merge(product, 1, Integer::sum);
            }
        }
        List<Product> out = new ArrayList<>();
        hits.forEach((product, count) -> {
            int size = product.words().size();
            if (count >= Math.min(2, size) && count >= share * size) {
                out.add(product);
            }
        });
        out.sort((a, b) -> Double.compare(hits.get(b) / (double) b.words().size(),
                hits.get(a) / (double) a.words().size()));
        return out;
    }

    /** The distinct folded words of a text, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : FoldedText.fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static String text(Map<?, ?> p, String key, String where) {
        if (!(p.get(key) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(where + "." + key + " is missing");
        }
        return value.strip();
    }

    private static String optional(Map<?, ?> p, String key) {
        return p.get(key) instanceof String value ? value.strip() : null;
    }
}
