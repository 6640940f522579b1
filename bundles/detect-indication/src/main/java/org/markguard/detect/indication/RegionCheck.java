package org.markguard.detect.indication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.markguard.api.FoldedText;
import org.markguard.api.Indication;

/**
 * Whether a seller's stated location lies inside an indication's registered region: the location
 * (folded) names the province or one of the localities as whole words. The runtime's loader adds a
 * former (pre-2025) province to the localities, so "Kiên Giang" still counts for Phú Quốc.
 *
 * <p>Only names are compared: a town of the province that the registry does not list, or an
 * abbreviation ("TP.HCM"), reads as outside. That is why a finding always states the location.
 */
final class RegionCheck {
    enum Place { INSIDE, OUTSIDE, UNKNOWN }

    // administrative prefixes, folded: "TP. Hồ Chí Minh" is matched as "Hồ Chí Minh"
    private static final List<String> PREFIXES = List.of("thanh pho ", "tp. ", "tp.", "tp ", "tinh ");

    private RegionCheck() {
    }

    static Place place(String location, Indication.Region region) {
        if (location == null || location.isBlank() || region == null || region.province() == null) {
            return Place.UNKNOWN;
        }
        FoldedText where = FoldedText.of(location);
        for (String place : places(region)) {
            if (where.containsWord(withoutPrefix(place))) {
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

    private static List<String> places(Indication.Region region) {
        List<String> places = new ArrayList<>();
        places.add(region.province());
        places.addAll(region.localities());
        return places;
    }

    static String withoutPrefix(String place) {
        String folded = FoldedText.fold(place).strip().toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            if (folded.startsWith(prefix) && folded.length() > prefix.length()) {
                return folded.substring(prefix.length()).strip();
            }
        }
        return folded;
    }
}
