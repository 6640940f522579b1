package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.markguard.api.AssessedListing;
import org.markguard.api.DetectionService;
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
    private final DetectionService detection;

    ListingRoutes(ListingStore store, DetectionService detection) {
        this.store = store;
        this.detection = detection;
    }

    private java.util.Set<String> activeDetectors() {
        return detection.detectors().stream().filter(d -> "ACTIVE".equals(d.state())).map(d -> d.id())
                .collect(java.util.stream.Collectors.toSet());
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/listings", Role.ANY, this::search),
                new Route("GET", "/listings/{id}", Role.ANY, r -> store.get(r.path("id")).map(a -> toJson(a, activeDetectors()))
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
        java.util.Set<String> active = activeDetectors();
        page.items().forEach(item -> items.add(toJson(item, active)));
        out.put("next", page.next());
        return out;
    }

    /**
     * A listing's fields with its findings and risk beside them, as documented; each finding says
     * whether its detector is still installed ({@code detectorActive}).
     */
    static ObjectNode toJson(AssessedListing a, java.util.Set<String> activeDetectors) {
        ObjectNode node = Json.MAPPER.valueToTree(a.listing());
        ArrayNode findings = node.putArray("findings");
        for (var f : a.findings()) {
            ObjectNode fn = Json.MAPPER.valueToTree(f);
            fn.put("detectorActive", activeDetectors.contains(f.detectorId()));
            findings.add(fn);
        }
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
