package org.markguard.rest;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.markguard.api.AssessedListing;
import org.markguard.api.AuditTrail;
import org.markguard.api.CaptureStore;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.RegistryService;
import org.markguard.api.ReviewStatus;
import org.markguard.report.TakedownNotices;

/**
 * {@code GET /takedowns/{platform}}: the takedown notices for a platform's confirmed listings, as a
 * zip of batches to submit. The submission and the platform's answer are then recorded on each
 * listing as reviews (TAKEDOWN_SUBMITTED, TAKEDOWN_ANSWERED).
 */
final class TakedownRoutes {
    static final int MAX_LISTINGS = 1000;

    private final ListingStore store;
    private final RegistryService registries;
    private final CaptureStore captures;
    private final AuditTrail audit;

    TakedownRoutes(ListingStore store, RegistryService registries, CaptureStore captures, AuditTrail audit) {
        this.store = store;
        this.registries = registries;
        this.captures = captures;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "/takedowns/{platform}", Role.ANY, this::notices));
    }

    private Object notices(ApiRequest r) throws Exception {
        r.allowOnlyQuery(Set.of("contact", "from", "to"));
        String platform = r.path("platform");
        ListingQuery.Filters filters = ListingParams.parse(name -> switch (name) {
            case "status" -> "CONFIRMED";
            case "from", "to" -> r.query(name);
            case "size" -> "500";
            default -> null;
        }).filters();
        ListingQuery query = new ListingQuery(null, null, null, null, platform, ListingQuery.MAX_SIZE, null, filters);
        List<AssessedListing> confirmed = new ArrayList<>();
        String after = null;
        do {
            ListingPage page = store.search(query.after(after));
            confirmed.addAll(page.items());
            after = page.next();
        } while (after != null && confirmed.size() <= MAX_LISTINGS);
        if (confirmed.isEmpty()) {
            throw ApiException.notFound("no confirmed listing on platform '" + platform + "'");
        }
        if (confirmed.size() > MAX_LISTINGS) {
            throw ApiException.badRequest("more than " + MAX_LISTINGS + " confirmed listings: narrow with from and to");
        }
        Map<String, String> hashes = new HashMap<>();
        for (AssessedListing a : confirmed) {
            if (a.history().review().status() == ReviewStatus.CONFIRMED && a.listing().captureRef() != null) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                    if (captures.copyRecords(a.listing().captureRef(), out)) {
                        hashes.put(a.listing().id(), HexFormat.of().formatHex(sha.digest()));
                    }
                }
            }
        }
        byte[] zip = TakedownNotices.zip(platform, confirmed, registries.current(), hashes, r.query("contact"), Instant.now());
        String name = "takedown-" + platform.replaceAll("[^A-Za-z0-9_-]", "_") + ".zip";
        audit.record(r.caller().user(), "export.takedown", platform, confirmed.size() + " listings");
        return new Route.Raw(200, "application/zip", zip, Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""));
    }
}
