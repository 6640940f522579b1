package org.markguard.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.markguard.api.FindingKind;
import org.markguard.api.ListingQuery;
import org.markguard.api.ReviewStatus;

/** The query parameters of {@code GET /listings} turned into a {@link ListingQuery}, each checked. */
final class ListingParams {
    static final Set<String> NAMES = Set.of("q", "flagged", "kind", "subject", "platform", "size", "after", "status",
            "detector", "risk", "seller", "province", "productGroup", "assignee", "from", "to", "sort", "facets");
    static final int DEFAULT_SIZE = 20;

    private ListingParams() {
    }

    /** @param get a parameter's value by name, null when absent */
    static ListingQuery parse(Function<String, String> get) {
        try {
            ListingQuery.Filters filters = new ListingQuery.Filters(
                    enumOf(ReviewStatus.class, get.apply("status"), "status"),
                    text(get.apply("detector")),
                    enumOf(ListingQuery.RiskBand.class, get.apply("risk"), "risk"),
                    text(get.apply("seller")),
                    text(get.apply("province")),
                    text(get.apply("productGroup")),
                    text(get.apply("assignee")),
                    date(get.apply("from"), "from"),
                    date(get.apply("to"), "to"),
                    enumOf(ListingQuery.Sort.class, get.apply("sort"), "sort"),
                    Boolean.TRUE.equals(bool(get.apply("facets"), "facets")));
            return new ListingQuery(text(get.apply("q")), bool(get.apply("flagged"), "flagged"),
                    enumOf(FindingKind.class, get.apply("kind"), "kind"), text(get.apply("subject")),
                    text(get.apply("platform")), ListingRoutes.intParam(get.apply("size"), DEFAULT_SIZE, "size"),
                    text(get.apply("after")), filters);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Checks saved-search parameters the way a search would, so a saved search always runs. */
    static void check(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!NAMES.contains(name) || name.equals("after")) {
                throw ApiException.badRequest("params: unknown search parameter '" + name + "'");
            }
        }
        parse(params::get);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean bool(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(name + " must be true or false: '" + s + "'");
        };
    }

    private static LocalDate date(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD: '" + s + "'");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of " + List.of(type.getEnumConstants()) + ": '" + s + "'");
        }
    }
}
