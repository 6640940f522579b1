package org.markguard.evidence.builder;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.markguard.api.AssessedListing;
import org.markguard.api.AuditEvent;
import org.markguard.api.AuditTrail;
import org.markguard.api.FoldedText;
import org.markguard.api.HttpExchange;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.PageRenderer;
import org.markguard.api.Review;
import org.markguard.api.ReviewRequest;
import org.markguard.api.ReviewService;
import org.markguard.api.SellerDirectory;
import org.markguard.api.StoreException;

/** Small in-memory stand-ins for the services the builder reads (the capture store is the real one). */
final class Fakes {
    private Fakes() {
    }

    /** Listings in insertion order; search filters by q (folded, title), platform, flagged and seller key. */
    static final class Store implements ListingStore {
        final Map<String, AssessedListing> listings = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<ListingQuery> scans = new CopyOnWriteArrayList<>();
        final List<ListingQuery> searches = new CopyOnWriteArrayList<>();

        void add(AssessedListing a) {
            listings.put(a.listing().id(), a);
        }

        @Override
        public void store(AssessedListing listing) {
            add(listing);
        }

        @Override
        public void markGone(String id, Instant when) {
        }

        @Override
        public Optional<AssessedListing> get(String id) {
            return Optional.ofNullable(listings.get(id));
        }

        @Override
        public ListingPage search(ListingQuery query) {
            searches.add(query);
            List<AssessedListing> matches;
            synchronized (listings) {
                matches = listings.values().stream().filter(a -> matches(query, a)).toList();
            }
            int from = query.after() == null ? 0 : Integer.parseInt(query.after());
            int to = Math.min(matches.size(), from + query.size());
            return new ListingPage(matches.size(), matches.subList(from, to), to < matches.size() ? Integer.toString(to) : null);
        }

        @Override
        public void scan(ListingQuery query, PageConsumer consumer) throws StoreException {
            scans.add(query);
            ListingStore.super.scan(query, consumer);
        }

        private static boolean matches(ListingQuery q, AssessedListing a) {
            if (q.q() != null && !FoldedText.fold(String.valueOf(a.listing().title())).contains(FoldedText.fold(q.q()))) {
                return false;
            }
            if (q.platform() != null && !q.platform().equals(a.listing().platform())) {
                return false;
            }
            if (q.flagged() != null && q.flagged() != a.flagged()) {
                return false;
            }
            String seller = q.filters().sellerKey();
            return seller == null || seller.equals(SellerDirectory.keyOf(a.listing()));
        }

        @Override
        public void refresh() {
        }

        @Override
        public String health() {
            return "green";
        }
    }

    static final class Reviews implements ReviewService {
        final Map<String, List<Review>> byListing = new ConcurrentHashMap<>();

        void add(Review review) {
            byListing.computeIfAbsent(review.listingId(), k -> new CopyOnWriteArrayList<>()).add(review);
        }

        @Override
        public Review review(String listingId, ReviewRequest request, String reviewer) {
            throw new UnsupportedOperationException("the builder only reads reviews");
        }

        @Override
        public List<Review> reviews(String listingId) {
            return List.copyOf(byListing.getOrDefault(listingId, List.of()));
        }
    }

    static final class Audit implements AuditTrail {
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public AuditEvent record(String user, String action, String target, String detail) {
            AuditEvent e = new AuditEvent(events.size() + 1, Instant.now(), user, action, target, detail, "");
            events.add(e);
            return e;
        }

        @Override
        public List<AuditEvent> query(Instant from, Instant to, String user, String action, long afterSeq, int size) {
            return events.stream().filter(e -> action == null || e.action().equals(action)).toList();
        }

        @Override
        public List<String> verify() {
            return List.of();
        }

        List<String> actionsFor(String packetId) {
            return events.stream().filter(e -> e.target().equals(packetId)).map(AuditEvent::action).toList();
        }
    }

    /** Screenshots by a function of the HTML; the function may throw to stand for a failed rendering. */
    static final class Renderer implements PageRenderer {
        private final Function<String, byte[]> screenshots;
        final List<String> baseUrls = new CopyOnWriteArrayList<>();

        Renderer(Function<String, byte[]> screenshots) {
            this.screenshots = screenshots;
        }

        @Override
        public HttpExchange render(String url, Map<String, String> extraHeaders, Duration timeout) throws IOException {
            throw new IOException("the builder never renders live pages");
        }

        @Override
        public byte[] screenshot(byte[] html, String baseUrl, Duration timeout) throws IOException {
            baseUrls.add(baseUrl);
            try {
                return screenshots.apply(new String(html, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
