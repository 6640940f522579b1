package org.markguard.api;

import java.util.List;
import java.util.Map;

/**
 * One group of the product taxonomy ({@code product-groups.json}): reports and the suspicious-
 * account list are broken down by it.
 *
 * @param id stable id, e.g. {@code cosmetics}
 * @param names display names by language ({@code vi}, {@code en})
 * @param terms words and phrases that place a listing in the group, matched as whole words,
 *     insensitive to case and diacritics; a longer phrase counts more than a word
 */
public record ProductGroup(String id, Map<String, String> names, List<String> terms) {
    public ProductGroup {
        names = Map.copyOf(names == null ? Map.of() : names);
        terms = List.copyOf(terms == null ? List.of() : terms);
    }

    /** The name in a language, else the Vietnamese one, else the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("vi", id));
    }
}
