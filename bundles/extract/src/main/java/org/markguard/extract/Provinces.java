package org.markguard.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.FoldedText;

/**
 * Maps a seller location as written ("Quận 1, TP.HCM", "Kien Giang", "Sài Gòn") to its 2025
 * province (Resolution 202/2025/QH15), from {@code reference/provinces-2025.json} embedded at build
 * time from {@code config/reference}. Matching is on folded text (no diacritics, lower case) and on
 * whole words, longest name first, so "Hà Nam" is not read as "Hà Nội" and "Bình Dương" wins over
 * a shorter name inside it. The last match in the text wins: addresses go from street to province.
 */
final class Provinces {
    private static final String RESOURCE = "/reference/provinces-2025.json";
    private static volatile Provinces defaults;

    /** Folded name or alias → the 2025 province name as the file writes it. */
    private final Map<String, String> byFoldedName;
    private final List<String> namesLongestFirst;
    /** The names as searched: punctuation as spaces, padded with one space on each side. */
    private final List<String> needles = new ArrayList<>();

    Provinces(Map<String, String> byFoldedName) {
        this.byFoldedName = byFoldedName;
        this.namesLongestFirst = new ArrayList<>(byFoldedName.keySet());
        namesLongestFirst.sort(Comparator.comparingInt(String::length).reversed());
        namesLongestFirst.forEach(name -> needles.add(" " + name.replaceAll("[^a-z0-9]+", " ").strip() + " "));
    }

    static Provinces defaults() {
        Provinces p = defaults;
        if (p == null) {
            try (InputStream in = Provinces.class.getResourceAsStream(RESOURCE)) {
                p = in == null ? new Provinces(Map.of()) : parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            defaults = p;
        }
        return p;
    }

    static Provinces parse(JsonNode root) {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode province : root.path("provinces")) {
            String name = province.path("name").asText();
            names.put(FoldedText.fold(name), name);
            names.put(FoldedText.fold(withoutCityPrefix(name)), name);
            province.path("formerProvinces").forEach(former -> names.putIfAbsent(FoldedText.fold(former.asText()), name));
        }
        // aliases name a province or a former province: resolve them through the names above
        root.path("commonAliases").fields().forEachRemaining(alias -> {
            String target = names.get(FoldedText.fold(alias.getKey()));
            if (target != null) {
                alias.getValue().forEach(a -> names.putIfAbsent(FoldedText.fold(a.asText()), target));
            }
        });
        names.remove("");
        return new Provinces(names);
    }

    /** "TP. Hồ Chí Minh" is also written "Hồ Chí Minh", "Thành phố Hồ Chí Minh". */
    private static String withoutCityPrefix(String name) {
        return name.replaceFirst("^(?:TP\\.?|Thành phố|Tỉnh)\\s*", "");
    }

    /** The 2025 province a location lies in; null when no province name is recognised. */
    String provinceOf(String location) {
        if (location == null || location.isBlank() || location.length() > 500) {
            return null;
        }
        // punctuation as spaces, so that "TP.HCM" and "Q.1,HCM" keep word boundaries
        String folded = " " + FoldedText.fold(location).replaceAll("[^a-z0-9]+", " ").strip() + " ";
        String best = null;
        int bestAt = -1;
        for (int i = 0; i < namesLongestFirst.size(); i++) {
            String name = namesLongestFirst.get(i);
            String needle = needles.get(i);
            int at = folded.lastIndexOf(needle);
            if (at < 0) {
                continue;
            }
            if (at > bestAt) {
                best = byFoldedName.get(name);
                bestAt = at;
            }
            // masked, so that a shorter name inside this one cannot match there later
            folded = folded.substring(0, at + 1) + "#".repeat(needle.length() - 2) + folded.substring(at + needle.length() - 1);
        }
        return best;
    }
}
