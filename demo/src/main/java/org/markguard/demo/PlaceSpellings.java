package org.markguard.demo;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How sellers write where they are: the big cities by their abbreviations and nicknames ("HN",
 * "TP.HCM", "HCM", "Sài Gòn"), other places as the 2025 province. A location normaliser must map
 * all of these to the province the labels give as {@code seller.province}.
 */
final class PlaceSpellings {
    /** The 2025 province → the ways sellers write it (the first is the official name). */
    private static final Map<String, List<String>> SPELLINGS = Map.of(
            "Hà Nội", List.of("Hà Nội", "HN", "Hà Nội"),
            "TP. Hồ Chí Minh", List.of("TP. Hồ Chí Minh", "TP.HCM", "HCM", "Sài Gòn"),
            "Đà Nẵng", List.of("Đà Nẵng", "ĐN", "Đà Nẵng"));

    private PlaceSpellings() {
    }

    /** One way of writing a province; the official name more often than any nickname. */
    static String spell(String province, SplittableRandom rnd) {
        List<String> forms = SPELLINGS.get(province);
        if (forms == null || rnd.nextInt(3) == 0) {
            return province;
        }
        return forms.get(rnd.nextInt(forms.size()));
    }

    /** Every spelling of a province, for tests and the README. */
    static List<String> spellings(String province) {
        return SPELLINGS.getOrDefault(province, List.of(province));
    }
}
