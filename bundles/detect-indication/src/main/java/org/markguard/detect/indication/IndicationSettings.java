package org.markguard.detect.indication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.FoldedText;

/** The scores and word lists of the indication detector, validated and folded when the configuration is read. */
record IndicationSettings(double score, double unknownLocationScore, boolean flagUnknownLocation, double qualifierBonus,
                          List<String> qualifiersBefore, List<String> qualifiersAfter, List<String> otherUseCues,
                          Map<String, String> locationAliases) {
    static final double DEFAULT_SCORE = 0.7;
    static final double DEFAULT_UNKNOWN_LOCATION_SCORE = 0.5;
    static final double DEFAULT_QUALIFIER_BONUS = 0.1;
    static final String DEFAULT_QUALIFIERS_BEFORE = "kiểu, theo kiểu, công thức, chuẩn vị, hương vị, vị, loại, "
            + "phong cách, kiểu dáng, giống, như, type, style, recipe";
    static final String DEFAULT_QUALIFIERS_AFTER = "style, type, kiểu, recipe";
    static final String DEFAULT_OTHER_USE_CUES = "tour, khách sạn, hotel, resort, homestay, villa, vé, vé máy bay, "
            + "vé xe, du lịch, xe giường nằm, nhà nghỉ, đặt phòng, phòng đôi, căn hộ, thuê xe, travel, booking, review, đánh giá, trên tay, tin tức, bản tin, news, cách phân biệt, hướng dẫn";
    static final String DEFAULT_LOCATION_ALIASES = "tp.hcm=Hồ Chí Minh, tphcm=Hồ Chí Minh, hcm=Hồ Chí Minh, "
            + "sài gòn=Hồ Chí Minh, saigon=Hồ Chí Minh, sg=Hồ Chí Minh, hn=Hà Nội, hanoi=Hà Nội, "
            + "bmt=Buôn Ma Thuột, daklak=Đắk Lắk, đn=Đà Nẵng, hp=Hải Phòng, ct=Cần Thơ, brvt=Bà Rịa - Vũng Tàu, "
            + "vũng tàu=Bà Rịa - Vũng Tàu, pq=Phú Quốc";
    static final IndicationSettings DEFAULTS = new IndicationSettings(DEFAULT_SCORE, DEFAULT_UNKNOWN_LOCATION_SCORE,
            false, DEFAULT_QUALIFIER_BONUS, phrases(DEFAULT_QUALIFIERS_BEFORE), phrases(DEFAULT_QUALIFIERS_AFTER),
            phrases(DEFAULT_OTHER_USE_CUES), aliases(DEFAULT_LOCATION_ALIASES));

    IndicationSettings {
        unit(score, "score");
        unit(unknownLocationScore, "unknownLocationScore");
        unit(qualifierBonus, "qualifierBonus");
    }

    static IndicationSettings from(IndicationConfig config) {
        return new IndicationSettings(config.score(), config.unknownLocationScore(), config.flagUnknownLocation(),
                config.qualifierBonus(),
                phrases(config.qualifiersBefore()), phrases(config.qualifiersAfter()), phrases(config.otherUseCues()),
                aliases(config.locationAliases()));
    }

    /** Comma-separated phrases, folded, longest first (so "theo kiểu" is tried before "kiểu"). */
    static List<String> phrases(String value) {
        List<String> out = new ArrayList<>();
        for (String phrase : (value == null ? "" : value).split(",")) {
            String folded = FoldedText.fold(phrase).strip();
            if (!folded.isEmpty() && !out.contains(folded)) {
                out.add(folded);
            }
        }
        out.sort((a, b) -> b.length() - a.length());
        return List.copyOf(out);
    }

    static Map<String, String> aliases(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : (value == null ? "" : value).split(",")) {
            int eq = pair.indexOf('=');
            if (pair.isBlank()) {
                continue;
            }
            if (eq <= 0) {
                throw new IllegalArgumentException("locationAliases entry needs abbreviation=place: " + pair.strip());
            }
            out.put(FoldedText.fold(pair.substring(0, eq)).strip(), pair.substring(eq + 1).strip());
        }
        return Map.copyOf(out);
    }

    private static void unit(double value, String key) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1: " + value);
        }
    }
}
