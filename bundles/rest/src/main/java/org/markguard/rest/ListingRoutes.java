package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.markguard.api.ReviewState;
import org.markguard.api.SellerDirectory;

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
                new Route("GET", "/listings/{id}", Role.ANY, r -> toJson(find(r.path("id")), activeDetectors(detection))),
                new Route("GET", "/listings/{id}/capture", Role.ANY, this::capture));
    }

    private AssessedListing find(String id) throws Exception {
        return store.get(id).orElseThrow(() -> ApiException.notFound("no listing with id '" + id + "'"));
    }

    private Object search(ApiRequest r) throws Exception {
        r.allowOnlyQuery(ListingParams.NAMES);
        ListingQuery query = ListingParams.parse(r::query);
        ListingPage page;
        try {
            page = store.search(query);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage()); // a cursor that is not ours
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("total", page.total());
        ArrayNode items = out.putArray("items");
        Set<String> active = activeDetectors(detection);
        page.items().forEach(item -> items.add(toJson(item, active)));
        out.put("next", page.next());
        if (query.filters().facets()) {
            out.set("facets", Json.MAPPER.valueToTree(page.facets()));
        }
        return out;
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

    /**
     * A listing's fields with its findings, risk, history and review state beside them, as
     * documented; each finding says whether its detector is still installed ({@code detectorActive}).
     */
    static ObjectNode toJson(AssessedListing a, Set<String> activeDetectors) {
        ObjectNode node = Json.MAPPER.valueToTree(a.listing());
        ArrayNode findings = node.putArray("findings");
        for (var f : a.findings()) {
            ObjectNode fn = Json.MAPPER.valueToTree(f);
            fn.put("detectorActive", activeDetectors.contains(f.detectorId()));
            findings.add(fn);
        }
        node.put("risk", a.risk());
        node.put("flagged", a.flagged());
        node.put("sellerKey", SellerDirectory.keyOf(a.listing()));
        ObjectNode history = Json.MAPPER.valueToTree(a.history());
        history.remove("review");
        node.set("history", history);
        ReviewState review = a.history().review();
        if (review.count() > 0 || a.flagged()) {
            ObjectNode rn = node.putObject("review");
            rn.put("status", review.status().name());
            rn.put("kind", review.kind() == null ? null : review.kind().name());
            rn.put("reason", review.reason() == null ? null : review.reason().name());
            rn.put("assignee", review.assignee());
            rn.put("reviewer", review.reviewer());
            rn.put("at", review.at() == null ? null : review.at().toString());
            rn.put("count", review.count());
        } else {
            node.putNull("review");
        }
        return node;
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
