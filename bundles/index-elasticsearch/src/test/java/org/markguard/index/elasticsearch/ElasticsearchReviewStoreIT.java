package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.markguard.api.AssessedListing;
import org.markguard.api.DismissReason;
import org.markguard.api.FindingKind;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.Review;
import org.markguard.api.ReviewDecision;
import org.markguard.api.ReviewRequest;
import org.markguard.api.ReviewStatus;
import org.markguard.api.SellerDirectory;

/**
 * Reviews, the workbench filters and facets, and seller aggregations against a real
 * Elasticsearch 9 node; every expected count is computed from the test data, independently.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchReviewStoreIT {
    private static final int COUNT = 70;
    private static ElasticsearchProcess elasticsearch;
    private static ElasticsearchListingStore store;
    private static ElasticsearchReviewStore reviews;
    private static ElasticsearchSellerDirectory sellers;
    private static List<AssessedListing> listings;

    @BeforeAll
    static void start() throws Exception {
        elasticsearch = ElasticsearchProcess.fromSystemProperties();
        elasticsearch.start();
        ConnectionSettings settings = ConnectionSettings.local(elasticsearch.url());
        store = new ElasticsearchListingStore(settings, java.nio.file.Files.createTempDirectory("mg-spool"));
        reviews = new ElasticsearchReviewStore(settings);
        sellers = new ElasticsearchSellerDirectory(settings);
        listings = TestListings.listings(COUNT);
        for (AssessedListing l : listings) {
            store.store(l);
        }
        store.refresh();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {sellers, reviews, store, elasticsearch}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static List<AssessedListing> flagged() {
        return listings.stream().filter(AssessedListing::flagged).toList();
    }

    private static String id(int i) {
        return listings.get(i).listing().id();
    }

    private static ListingPage search(ListingQuery.Filters f) throws Exception {
        return store.search(new ListingQuery(null, null, null, null, null, ListingQuery.MAX_SIZE, null, f));
    }

    private static ListingQuery.Filters filters(ReviewStatus status, String sellerKey, ListingQuery.Sort sort, boolean facets) {
        return new ListingQuery.Filters(status, null, null, sellerKey, null, null, null, null, null, sort, facets);
    }

    private static Set<String> ids(ListingPage p) {
        return p.items().stream().map(a -> a.listing().id()).collect(Collectors.toSet());
    }

    private static Set<String> expected(Predicate<AssessedListing> filter) {
        return listings.stream().filter(filter).map(a -> a.listing().id()).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void everyFlaggedListingStartsOpen() throws Exception {
        assertEquals(expected(AssessedListing::flagged), ids(search(filters(ReviewStatus.OPEN, null, null, false))));
        assertTrue(search(filters(ReviewStatus.CONFIRMED, null, null, false)).items().isEmpty());
    }

    @Test
    @Order(2)
    void reviewsChainAndLeaveTheirStateOnTheListing() throws Exception {
        String first = flagged().get(0).listing().id();
        Review assigned = reviews.review(first, new ReviewRequest(ReviewDecision.ASSIGNED, null, null, null, "an.nguyen"), "lead");
        Review confirmed = reviews.review(first, new ReviewRequest(ReviewDecision.CONFIRMED, FindingKind.TRADEMARK, null,
                "logo copied", null), "an.nguyen");
        assertNull(assigned.supersedes());
        assertEquals(assigned.id(), confirmed.supersedes());
        List<Review> history = reviews.reviews(first);
        assertEquals(List.of(assigned.id(), confirmed.id()), history.stream().map(Review::id).toList());
        var state = store.get(first).orElseThrow().history().review();
        assertEquals(ReviewStatus.CONFIRMED, state.status());
        assertEquals(FindingKind.TRADEMARK, state.kind());
        assertEquals("an.nguyen", state.assignee(), "an assignment stays until another one");
        assertEquals(2, state.count());

        String second = flagged().get(1).listing().id();
        reviews.review(second, new ReviewRequest(ReviewDecision.DISMISSED, null, DismissReason.OFFICIAL_SELLER, null, null), "lead");
        reviews.review(second, new ReviewRequest(ReviewDecision.NOTED, null, null, "checked the shop licence", null), "lead");
        assertEquals(ReviewStatus.DISMISSED, store.get(second).orElseThrow().history().review().status());

        assertEquals(Set.of(first), ids(search(filters(ReviewStatus.CONFIRMED, null, null, false))));
        assertEquals(Set.of(second), ids(search(filters(ReviewStatus.DISMISSED, null, null, false))));
        Set<String> open = expected(AssessedListing::flagged);
        open.removeAll(Set.of(first, second));
        assertEquals(open, ids(search(filters(ReviewStatus.OPEN, null, null, false))));
        assertThrows(NoSuchElementException.class, () -> reviews.review("no-such-listing",
                new ReviewRequest(ReviewDecision.ESCALATED, null, null, null, null), "lead"));
    }

    @Test
    @Order(3)
    void aReCrawlKeepsTheReviewState() throws Exception {
        String first = flagged().get(0).listing().id();
        AssessedListing again = listings.stream().filter(a -> a.listing().id().equals(first)).findFirst().orElseThrow();
        store.store(again);
        store.refresh();
        assertEquals(ReviewStatus.CONFIRMED, store.get(first).orElseThrow().history().review().status());
    }

    @Test
    @Order(4)
    void facetsCountEveryMatch() throws Exception {
        ListingPage page = store.search(new ListingQuery(null, null, null, null, null, 5, null,
                filters(null, null, ListingQuery.Sort.RISK, true)));
        assertEquals(COUNT, page.total());
        Map<String, Long> platforms = counts(page, "platform");
        for (String platform : TestListings.PLATFORMS) {
            assertEquals(listings.stream().filter(a -> a.listing().platform().equals(platform)).count(), platforms.get(platform));
        }
        Map<String, Long> status = counts(page, "status");
        assertEquals(1L, status.get("CONFIRMED"));
        assertEquals(1L, status.get("DISMISSED"));
        assertEquals(flagged().size() - 2L, status.get("OPEN"));
        Map<String, Long> risk = counts(page, "risk");
        assertEquals((long) flagged().size(), risk.get("HIGH"));
        assertEquals(COUNT - (long) flagged().size(), risk.get("NONE"));
        assertEquals(5, page.items().size());
        assertTrue(page.items().stream().allMatch(AssessedListing::flagged), "sorted by risk: flagged first");
        // paging in risk order reaches every listing once
        Set<String> seen = new HashSet<>();
        ListingQuery q = new ListingQuery(null, null, null, null, null, 9, null, filters(null, null, ListingQuery.Sort.RISK, false));
        while (true) {
            ListingPage p = store.search(q);
            p.items().forEach(a -> assertTrue(seen.add(a.listing().id())));
            if (p.next() == null) {
                break;
            }
            q = q.after(p.next());
        }
        assertEquals(COUNT, seen.size());
    }

    private static Map<String, Long> counts(ListingPage page, String facet) {
        return page.facets().get(facet).stream().collect(Collectors.toMap(ListingPage.FacetCount::value,
                ListingPage.FacetCount::count));
    }

    @Test
    @Order(5)
    void sellerProfileAndSuspiciousList() throws Exception {
        AssessedListing confirmed = flagged().get(0);
        String key = SellerDirectory.keyOf(confirmed.listing());
        var profile = sellers.seller(key).orElseThrow();
        Predicate<AssessedListing> ofSeller = a -> key.equals(SellerDirectory.keyOf(a.listing()));
        assertEquals(listings.stream().filter(ofSeller).count(), profile.listings());
        assertEquals(listings.stream().filter(ofSeller.and(AssessedListing::flagged)).count(), profile.flagged());
        assertEquals(1, profile.confirmed());
        assertFalse(profile.repeatInfringer());
        assertEquals(List.of("Cần Thơ"), profile.locations());
        assertTrue(sellers.seller("shopee:nobody").isEmpty());

        var groups = sellers.suspicious(null, 1000);
        assertEquals(1, groups.size(), "the test listings have no product group");
        var list = groups.get(0).sellers();
        assertEquals(key, list.get(0).key(), "the seller with a confirmed listing ranks first");
        long suspiciousListings = list.stream().mapToLong(s -> s.listings()).sum();
        assertEquals(flagged().size() - 1L, suspiciousListings, "every open or confirmed listing, not the dismissed one");
        Set<String> keys = flagged().stream().map(a -> SellerDirectory.keyOf(a.listing())).collect(Collectors.toSet());
        assertTrue(keys.containsAll(list.stream().map(s -> s.key()).toList()));
    }
}
