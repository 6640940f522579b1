package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markguard.api.FoldedText;

/**
 * The word lists of the trademark detector, folded once when the configuration is read. Defaults are
 * here and in the shipped cfg file; an operator extends them without a new release.
 */
record TrademarkLexicon(List<String> slang, List<String> weakSlang, List<String> compatibilityCues, List<String> accessoryTerms,
                        List<String> newsCues, List<String> sellingWords, Set<String> realWords,
                        Map<String, Integer> classTerms) {
    static final String DEFAULT_SLANG = "hàng rep, rep 1:1, rep 11, like auth, giống auth, super fake, fake, fake 1, hàng nhái, nhái, replica, hàng copy, auth 99%, 1:1, like new auth, first copy";
    static final String DEFAULT_WEAK_SLANG = "loại 1, hàng loại 1, fullbox, f1, hàng f1, mirror, siêu cấp, hàng xưởng, best quality, copy, sf";
    static final String DEFAULT_COMPATIBILITY_CUES = "dùng cho, dành cho, cho, tương thích, tương thích với, compatible with, compatible, for, fits, fit, thay thế cho, thay cho, phù hợp với, phù hợp, vừa với, không phải hàng, không phải sản phẩm của, không phải của, not made by";
    static final String DEFAULT_ACCESSORY_TERMS = "ốp lưng, ốp, bao da, cường lực, kính cường lực, miếng dán, cáp, cáp sạc, củ sạc, sạc, dây đeo, dây sạc, case, cable, charger, screen protector, strap, giá đỡ, túi chống sốc";
    static final String DEFAULT_NEWS_CUES = "review, đánh giá chi tiết, trên tay, tin tức, bản tin, news, so sánh, cách phân biệt, phân biệt thật giả, hướng dẫn phân biệt, unboxing, mở hộp, góc nhìn, bài viết, phóng sự, cảnh báo";
    static final String DEFAULT_SELLING_WORDS = "giá, bán, mua, ship, cod, freeship, sale, giảm, order, đặt hàng, inbox, ib, còn hàng, sỉ, lẻ, xả kho, giao hàng, buy, price";
    static final String DEFAULT_REAL_WORDS = "apply, ample, apples, appie, rolls, diner, dinar, samsun, galaxies, nikes, guccis, posey, pose, roche, roles, roller, pumas, diors, donor, smart, start, sample, simple, state, stare, share, shape, store, stone, style, super, power, water, sport, sports, spare, space, scale, plate, place, black, white, green, brown, clean, clear, class, glass, grass, cross, gross, light, night, right, fight, sight, tight, eight, house, horse, mouse, plus, mini, maxi, match, watch, catch, bright, strong, sweet, sheet, steel, still, skill, small, smell, spell, shell, model, modem, motor, color, colour, lover, cover, mover, river, silver, gold, golden, magic, basic, music, comic, cool, pool, tool, wool, cotton, button, leather, feather, weather, paper, sugar, water, baby, body, lady, ladies, beauty, natural, nature, health, heath, organic, fresh, flash, flesh, trend, brand, grand, stand, hand, band, sand, land, mall, official, offcial, lotion, motion, potion, cream, dream, serum, mask, task, honey, money, phone, photo, camera, pocket, rocket, socket, jacket, packet, market, basket, ticket, travel, gravel, level, novel, hotel, total, metal, medal, pedal, petal, royal, loyal, local, vocal, focal, social, special, series, seria, media, india, korea, japan, china";
    static final String DEFAULT_CLASS_TERMS = "31:táo|trái cây|hoa quả|quả tươi|fresh fruit|fruit|rau|cây giống|star apple|custard apple|vú sữa|mãng cầu|pineapple, 29:thịt|cá|trứng|sữa tươi, 30:cà phê|trà|bánh|kẹo|gạo|mì, 25:áo|quần|váy|đầm|giày|dép|mũ, 18:túi|ví|balo|vali, 9:điện thoại|tai nghe|laptop|máy tính|ốp lưng|sạc|cáp, 3:nước hoa|son|kem|serum, 14:đồng hồ|nhẫn|vòng|dây chuyền, 12:ô tô|xe máy|xe đạp|phụ tùng";

    /** Strong and weak phrases together, longest first, so overlapping phrases are explained by the longest. */
    List<String> allSlang() {
        List<String> all = new ArrayList<>(slang);
        weakSlang.forEach(p -> {
            if (!all.contains(p)) {
                all.add(p);
            }
        });
        all.sort((a, b) -> b.length() - a.length());
        return all;
    }

    static TrademarkLexicon from(TrademarkConfig config) {
        return new TrademarkLexicon(phrases(config.slang()), phrases(config.weakSlang()),
                phrases(config.compatibilityCues()),
                phrases(config.accessoryTerms()), phrases(config.newsCues()), phrases(config.sellingWords()),
                canonicalWords(config.realWords()), classes(config.classTerms()));
    }

    static TrademarkLexicon defaults() {
        return new TrademarkLexicon(phrases(DEFAULT_SLANG), phrases(DEFAULT_WEAK_SLANG),
                phrases(DEFAULT_COMPATIBILITY_CUES),
                phrases(DEFAULT_ACCESSORY_TERMS), phrases(DEFAULT_NEWS_CUES), phrases(DEFAULT_SELLING_WORDS),
                canonicalWords(DEFAULT_REAL_WORDS), classes(DEFAULT_CLASS_TERMS));
    }

    /** Comma-separated phrases (DS gives one string from a cfg file), folded, longest first. */
    static List<String> phrases(String values) {
        List<String> out = new ArrayList<>();
        for (String value : values == null ? new String[0] : new String[] {values}) {
            for (String phrase : value.split(",")) {
                String folded = FoldedText.fold(phrase).strip();
                if (!folded.isEmpty() && !out.contains(folded)) {
                    out.add(folded);
                }
            }
        }
        out.sort((a, b) -> b.length() - a.length());
        return List.copyOf(out);
    }

    private static Set<String> canonicalWords(String values) {
        Set<String> out = new HashSet<>();
        for (String word : phrases(values)) {
            out.add(LooseText.of(word, "").canonical);
        }
        return Set.copyOf(out);
    }

    private static Map<String, Integer> classes(String values) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String entry : phrases(values)) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("classTerms entry needs class:term|term: " + entry);
            }
            int niceClass = Integer.parseInt(entry.substring(0, colon).strip());
            for (String term : entry.substring(colon + 1).split("\\|")) {
                if (!term.isBlank()) {
                    out.putIfAbsent(term.strip(), niceClass);
                }
            }
        }
        return Map.copyOf(out);
    }
}
