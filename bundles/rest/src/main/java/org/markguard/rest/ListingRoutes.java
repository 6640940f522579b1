package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.markguard.api.AssessedListing;
import org.markguard.api.FindingKind;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;

/** {@code /listings}: search and read assessed listings. Every role. */
final class ListingRoutes {
    private static final Set<String> QUERY_PARAMS = Set.of("q", "flagged", "kind", "subject", "platform", "size",
            "after");
    private static final int DEFAULT_SIZE = 20;

    private final ListingStore store;

    ListingRoutes(ListingStore store) {
        this.store = store;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/listings", Role.ANY, this::search),
                new Route("GET", "/listings/{id}", Role.ANY, r -> store.get(r.path("id")).map(ListingRoutes::toJson)
                        .orElseThrow(() -> ApiException.notFound("no listing with id '" + r.path("id") + "'"))));
    }

    private Object search(ApiRequest r) throws Exception {
        r.allowOnlyQuery(QUERY_PARAMS);
        ListingQuery query;
        try {
            query = new ListingQuery(blankToNull(r.query("q")), bool(r.query("flagged")), kind(r.query("kind")),
                    blankToNull(r.query("subject")), blankToNull(r.query("platform")), size(r.query("size")),
                    blankToNull(r.query("after")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ListingPage page;
        try {
            page = store.search(query);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // a cursor that is not ours
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", page.total());
        ArrayNode items = out.putArray("items");
        page.items().forEach(item -> items.add(toJson(item)));
        out.put("next", page.next());
        return out;
    }

    /** A listing's fields with its findings and risk beside them, as documented. */
    static ObjectNode toJson(AssessedListing a) {
        ObjectNode node = Json.MAPPER.valueToTree(a.listing());
        node.set("findings", Json.MAPPER.valueToTree(a.findings()));
        node.put("risk", a.risk());
        node.put("flagged", a.flagged());
        node.set("history", Json.MAPPER.valueToTree(a.history()));
        return node;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Boolean bool(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("flagged must be true or false: '" + s + "'");
        };
    }

    private static FindingKind kind(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return FindingKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be one of " + List.of(FindingKind.values()) + ": '" + s + "'");
        }
    }

    private static int size(String s) {
        if (s == null || s.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must be an integer: '" + s + "'");
        }
    }
}
