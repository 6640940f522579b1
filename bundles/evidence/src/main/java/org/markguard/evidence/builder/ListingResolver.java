package org.markguard.evidence.builder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.StoreException;

/**
 * Turns a request into the listings of its packet: the ids given (in the order given, each once),
 * or every listing of a seller or of a search, through {@link ListingStore#scan} (never paging the
 * newest-first search), ordered by capture time then id so that the report reads chronologically.
 */
final class ListingResolver {
    private static final int MAX_NAMED = 20;

    private final ListingStore store;

    ListingResolver(ListingStore store) {
        this.store = store;
    }

    List<AssessedListing> resolve(EvidenceRequest request) throws PacketException, StoreException {
        List<AssessedListing> listings;
        if (request.listingIds() != null && !request.listingIds().isEmpty()) {
            listings = byId(request.listingIds());
        } else if (request.sellerKey() != null && !request.sellerKey().isBlank()) {
            listings = scan(sellerQuery(request.sellerKey().strip()), "seller " + request.sellerKey().strip());
        } else {
            listings = scan(scanQuery(request.query()), "the search");
        }
        if (listings.isEmpty()) {
            throw new PacketException("no listing to put in the packet: " + describe(request) + " matches none");
        }
        return listings;
    }

    /** A one-line account of what was asked, for messages, the audit trail and bag-info. */
    static String describe(EvidenceRequest request) {
        if (request.listingIds() != null && !request.listingIds().isEmpty()) {
            int n = new LinkedHashSet<>(request.listingIds()).size();
            return n + (n == 1 ? " listing" : " listings") + " by id";
        }
        if (request.sellerKey() != null && !request.sellerKey().isBlank()) {
            return "the listings of seller " + request.sellerKey().strip();
        }
        String terms = searchTerms(request.query());
        return "the listings matching a search" + (terms.isEmpty() ? "" : " (" + terms + ")");
    }

    /** A search's conditions as {@code name=value, …}; "" when it has none. */
    static String searchTerms(ListingQuery q) {
        List<String> parts = new ArrayList<>();
        if (q.q() != null && !q.q().isBlank()) {
            parts.add("q=\"" + q.q().strip() + "\"");
        }
        addIf(parts, "flagged", q.flagged());
        addIf(parts, "kind", q.kind());
        addIf(parts, "subject", q.subject());
        addIf(parts, "platform", q.platform());
        ListingQuery.Filters f = q.filters();
        addIf(parts, "status", f.status());
        addIf(parts, "detector", f.detector());
        addIf(parts, "risk", f.risk());
        addIf(parts, "seller", f.sellerKey());
        addIf(parts, "province", f.province());
        addIf(parts, "productGroup", f.productGroup());
        addIf(parts, "assignee", f.assignee());
        addIf(parts, "from", f.from());
        addIf(parts, "to", f.to());
        return String.join(", ", parts);
    }

    private static void addIf(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private List<AssessedListing> byId(List<String> ids) throws PacketException, StoreException {
        List<AssessedListing> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<AssessedListing> listing = id == null || id.isBlank() ? Optional.empty() : store.get(id.strip());
            if (listing.isPresent()) {
                found.add(listing.get());
            } else {
                unknown.add(id == null ? "(null)" : "'" + id + "'");
            }
        }
        if (!unknown.isEmpty()) {
            String named = String.join(", ", unknown.subList(0, Math.min(MAX_NAMED, unknown.size())))
                    + (unknown.size() > MAX_NAMED ? " and " + (unknown.size() - MAX_NAMED) + " more" : "");
            throw new PacketException("unknown listing " + (unknown.size() == 1 ? "id: " : "ids: ") + named);
        }
        return found;
    }

    private List<AssessedListing> scan(ListingQuery query, String what) throws PacketException, StoreException {
        List<AssessedListing> found = new ArrayList<>();
        try {
            store.scan(query, page -> {
                if (page.total() > EvidenceRequest.MAX_LISTINGS || found.size() + page.items().size() > EvidenceRequest.MAX_LISTINGS) {
                    throw new TooMany(Math.max(page.total(), found.size() + page.items().size()));
                }
                found.addAll(page.items());
            });
        } catch (TooMany e) {
            throw new PacketException(what + " matches " + e.count + " listings; a packet holds at most "
                    + EvidenceRequest.MAX_LISTINGS + ": narrow it down");
        }
        // a store may hand a listing changed during the scan twice: keep the first
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<AssessedListing> distinct = new ArrayList<>();
        for (AssessedListing a : found) {
            if (seen.add(a.listing().id())) {
                distinct.add(a);
            }
        }
        distinct.sort(Comparator.comparing((AssessedListing a) -> a.listing().captureTime(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(a -> a.listing().id()));
        return distinct;
    }

    static ListingQuery sellerQuery(String sellerKey) {
        ListingQuery.Filters filters = new ListingQuery.Filters(null, null, null, sellerKey, null, null, null, null,
                null, null, false);
        return new ListingQuery(null, null, null, null, null, ListingQuery.MAX_SIZE, null, filters);
    }

    /** The request's search with the largest pages and without sort or facets, which a scan does not use. */
    static ListingQuery scanQuery(ListingQuery q) {
        ListingQuery.Filters f = q.filters();
        ListingQuery.Filters filters = new ListingQuery.Filters(f.status(), f.detector(), f.risk(), f.sellerKey(),
                f.province(), f.productGroup(), f.assignee(), f.from(), f.to(), null, false);
        return new ListingQuery(q.q(), q.flagged(), q.kind(), q.subject(), q.platform(), ListingQuery.MAX_SIZE, null,
                filters);
    }

    /** Ends a scan as soon as it is known to be too large (a consumer's exception ends the scan). */
    private static final class TooMany extends StoreException {
        private static final long serialVersionUID = 1L;
        private final long count;

        TooMany(long count) {
            super("too many listings");
            this.count = count;
        }
    }
}
