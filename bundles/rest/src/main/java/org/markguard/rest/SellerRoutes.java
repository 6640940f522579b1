package org.markguard.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.markguard.report.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.markguard.api.DetectionService;
import org.markguard.api.SellerDirectory;
import org.markguard.api.SellerDirectory.SuspiciousGroup;
import org.markguard.api.SellerDirectory.SuspiciousSeller;

/** {@code /sellers}: a seller account's profile, and the suspicious-account list by product group. */
final class SellerRoutes {
    static final int DEFAULT_SIZE = 200;
    static final List<String> COLUMNS = List.of("productGroup", "key", "platform", "sellerId", "name", "confirmed", "open",
            "listings", "firstSeen", "lastSeen", "locations", "links");

    private final SellerDirectory sellers;
    private final DetectionService detection;

    SellerRoutes(SellerDirectory sellers, DetectionService detection) {
        this.sellers = sellers;
        this.detection = detection;
    }

    List<Route> routes() {
        // "suspicious" first: it would otherwise match {key}
        return List.of(
                new Route("GET", "/sellers/suspicious", Role.ANY, this::suspicious),
                new Route("GET", "/sellers/{key}", Role.ANY, this::seller));
    }

    private Object seller(ApiRequest r) throws Exception {
        var profile = sellers.seller(r.path("key"))
                .orElseThrow(() -> ApiException.notFound("no listing of seller '" + r.path("key") + "'"));
        ObjectNode out = Json.MAPPER.valueToTree(profile);
        ArrayNode top = out.putArray("top");
        Set<String> active = ListingRoutes.activeDetectors(detection);
        profile.top().forEach(a -> top.add(ListingRoutes.toJson(a, active)));
        return out;
    }

    private Object suspicious(ApiRequest r) throws Exception {
        r.allowOnlyQuery(Set.of("productGroup", "size", "format"));
        String format = r.query("format") == null ? "json" : r.query("format").strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw ApiException.badRequest("format must be json, csv or xlsx: '" + format + "'");
        }
        int size = ListingRoutes.intParam(r.query("size"), DEFAULT_SIZE, "size");
        String group = r.query("productGroup") == null || r.query("productGroup").isBlank() ? null : r.query("productGroup").strip();
        List<SuspiciousGroup> groups = sellers.suspicious(group, size);
        if (format.equals("json")) {
            return Map.of("groups", groups);
        }
        List<List<String>> rows = new ArrayList<>();
        for (SuspiciousGroup g : groups) {
            for (SuspiciousSeller s : g.sellers()) {
                rows.add(List.of(g.productGroup(), s.key(), s.platform(), s.sellerId(), nullToEmpty(s.name()),
                        Long.toString(s.confirmed()), Long.toString(s.open()), Long.toString(s.listings()),
                        s.firstSeen() == null ? "" : s.firstSeen().toString(), s.lastSeen() == null ? "" : s.lastSeen().toString(),
                        String.join("; ", s.locations()), String.join(" ", s.links())));
            }
        }
        String name = "suspicious-accounts" + (group == null ? "" : "-" + group.replaceAll("[^A-Za-z0-9_-]", "_"));
        byte[] body = format.equals("csv") ? Tables.csv(COLUMNS, rows) : Tables.xlsx("suspicious accounts", COLUMNS, rows);
        return new Route.Raw(200, format.equals("csv") ? Tables.CSV_TYPE : Tables.XLSX_TYPE, body,
                Map.of("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\""));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
