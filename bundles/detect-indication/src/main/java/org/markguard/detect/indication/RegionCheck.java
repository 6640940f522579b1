package org.markguard.detect.indication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;
import org.markguard.api.Seller;

/**
 * Whether a seller lies inside an indication's registered region. The seller's 2025 province, when
 * the extractor has set it, is compared with the registered province; otherwise (and for localities
 * that cross a provincial border) the stated location is read for the province or one of the
 * localities, which include the former pre-2025 province added by the runtime's loader ("Kiên Giang"
 * still counts for Phú Quốc). Abbreviations ("TP.HCM", "BMT") are expanded, and "Daklak" matches
 * "Đắk Lắk" because spaces are ignored for names of six letters or more.
 */
final class RegionCheck {
    enum Place { INSIDE, OUTSIDE, UNKNOWN }

    // administrative prefixes, folded: "TP. Hồ Chí Minh" is matched as "Hồ Chí Minh"
    private static final List<String> PREFIXES = List.of("thanh pho ", "tp. ", "tp.", "tp ", "tinh ");

    private RegionCheck() {
    }

    static Place place(Seller seller, Indication.Region region, Map<String, String> aliases) {
        if (region == null || region.province() == null) {
            return Place.UNKNOWN;
        }
        boolean hasProvince = seller.province() != null && !seller.province().isBlank();
        if (hasProvince && compact(withoutPrefix(seller.province())).equals(compact(withoutPrefix(region.province())))) {
            return Place.INSIDE;
        }
        String location = seller.location();
        if (location == null || location.isBlank()) {
            return hasProvince ? Place.OUTSIDE : Place.UNKNOWN;
        }
        String where = expanded(location, aliases);
        FoldedText text = FoldedText.of(where);
        String compactWhere = compact(where);
        for (String place : places(region)) {
            String name = withoutPrefix(place);
            String compactName = compact(name);
            if (text.containsWord(name) || (compactName.length() >= 6 && compactWhere.contains(compactName))) {
                return Place.INSIDE;
            }
        }
        return Place.OUTSIDE;
    }

    /** "An Giang (Phú Quốc, Kiên Giang)", or just the province when no locality is registered. */
    static String describe(Indication.Region region) {
        if (region == null || region.province() == null) {
            return "(no region registered)";
        }
        return region.localities().isEmpty() ? region.province()
                : region.province() + " (" + String.join(", ", region.localities()) + ")";
    }

    /** The location with the places its abbreviations stand for appended: "TP.HCM" → "TP.HCM Hồ Chí Minh". */
    private static String expanded(String location, Map<String, String> aliases) {
        FoldedText text = FoldedText.of(location);
        StringBuilder out = new StringBuilder(location);
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (text.containsWord(alias.getKey())) {
                out.append(" | ").append(alias.getValue());
            }
        }
        return out.toString();
    }

    private static List<String> places(Indication.Region region) {
        List<String> places = new ArrayList<>();
        places.add(region.province());
        places.addAll(region.localities());
        return places;
    }

    static String withoutPrefix(String place) {
        String folded = FoldedText.fold(place).strip();
        for (String prefix : PREFIXES) {
            if (folded.startsWith(prefix) && folded.length() > prefix.length()) {
                return folded.substring(prefix.length()).strip();
            }
        }
        return folded;
    }

    private static String compact(String text) {
        String folded = FoldedText.fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            if (Character.isLetterOrDigit(folded.charAt(i))) {
                out.append(folded.charAt(i));
            }
        }
        return out.toString();
    }
}
