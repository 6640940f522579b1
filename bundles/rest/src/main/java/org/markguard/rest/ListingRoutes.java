package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.markguard.api.AssessedListing;
import org.markguard.api.CaptureStore;
import org.markguard.api.DetectionService;
import org.markguard.api.HttpExchange;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;

/** {@code /listings}: search and read assessed listings, and view their raw capture. Every role. */
final class ListingRoutes {
    /**
     * A capture is shown as the page it was, but inert: the CSP sandbox forbids scripts, forms,
     * plugins and popups, and no request may leave (images of the original site are not loaded:
     * the capture must not tell the infringer that someone is looking).
     */
    static final String CAPTURE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "font-src data:; frame-ancestors 'self'";

    private final ListingStore store;
    private final DetectionService detection;
    private final CaptureStore captures;

    ListingRoutes(ListingStore store, DetectionService detection, CaptureStore captures) {
        this.store = store;
        this.detection = detection;
        this.captures = captures;
    }

    static Set<String> activeDetectors(DetectionService detection) {
        return detection.detectors().stream().filter(d -> "ACTIVE".equals(d.state())).map(d -> d.id())
                .collect(Collectors.toSet());
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/listings", Role.ANY, this::search),
                new Route("GET", "/listings/{id}", Role.ANY, r -> ListingView.of(find(r.path("id")), activeDetectors(detection))),
                new Route("GET", "/listings/{id}/capture", Role.ANY, this::capture));
    }

    private AssessedListing find(String id) throws Exception {
        return store.get(id).orElseThrow(() -> ApiException.notFound("no listing with id '" + id + "'"));
    }

    private Object search(ApiRequest r) throws Exception {
        r.allowOnlyQuery(ListingParams.NAMES);
        ListingQuery query = ListingParams.parse(r::query);
        ListingPage page;
        long start = System.nanoTime();
        try {
            page = store.search(query);
            r.storeTook(System.nanoTime() - start);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // a cursor that is not ours
        }
        Set<String> active = activeDetectors(detection);
        return new SearchView(page.total(), page.items().stream().map(a -> ListingView.of(a, active)).toList(),
                page.next(), query.filters().facets() ? page.facets() : null);
    }

    /** A page of results; {@code facets} only when asked for. Serialized straight to the response. */
    record SearchView(long total, List<ListingView> items, String next,
                      @com.fasterxml.jackson.annotation.JsonInclude(
                              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Object facets) {
    }

    /** The captured response body, served inert (see {@link #CAPTURE_CSP}); {@code ?part=headers} gives the exchange's headers as JSON. */
    private Object capture(ApiRequest r) throws Exception {
        r.allowOnlyQuery(Set.of("part"));
        AssessedListing a = find(r.path("id"));
        String ref = a.listing().captureRef();
        HttpExchange exchange = ref == null ? null : captures.read(ref).orElse(null);
        if (exchange == null) {
            throw ApiException.notFound("listing '" + r.path("id") + "' has no raw capture");
        }
        if ("headers".equals(r.query("part"))) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.put("url", exchange.url()).put("status", exchange.statusCode()).put("fetchTime", exchange.fetchTime().toString())
                    .put("remoteAddress", exchange.remoteAddress()).put("captureRef", ref);
            out.set("requestHeaders", Json.MAPPER.valueToTree(exchange.requestHeaders()));
            out.set("responseHeaders", Json.MAPPER.valueToTree(exchange.responseHeaders()));
            return out;
        }
        return new Route.Raw(200, "text/html; charset=utf-8", exchange.body(), Map.of(
                "Content-Security-Policy", CAPTURE_CSP,
                "X-Frame-Options", "SAMEORIGIN",
                "Content-Disposition", "inline; filename=\"capture.html\""));
    }

    /** A listing as a JSON tree, for answers that embed it (see {@link ListingView}). */
    static ObjectNode toJson(AssessedListing a, Set<String> activeDetectors) {
        return Json.MAPPER.valueToTree(ListingView.of(a, activeDetectors));
    }

    static int intParam(String s, int defaultValue, String name) {
        if (s == null || s.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer: '" + s + "'");
        }
    }
}
