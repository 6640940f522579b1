package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.markguard.api.AssessedListing;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.StoreException;

/** The store against a real Elasticsearch 9 server started for this class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchListingStoreIT {
    private static final int COUNT = 50;
    private static ElasticsearchProcess elasticsearch;
    private static ElasticsearchListingStore store;
    private static List<AssessedListing> listings;

    @BeforeAll
    static void startElasticsearchAndStore() throws Exception {
        elasticsearch = ElasticsearchProcess.fromSystemProperties();
        // the store is opened before ES runs, as when Karaf starts first: it must not fail, and
        // must create its index layout on a later call
        spoolDir = java.nio.file.Files.createTempDirectory("markguard-spool-it");
        store = new ElasticsearchListingStore(ConnectionSettings.local(elasticsearch.url()), spoolDir);
        assertEquals("unreachable", store.health());
        store.store(TestListings.listing(0)); // ES not up yet: spooled, not lost
        assertEquals(1, store.pending());

        long started = System.nanoTime();
        elasticsearch.start();
        System.out.printf("Elasticsearch ready on %s after %d ms%n", elasticsearch.url(),
                (System.nanoTime() - started) / 1_000_000);

        waitUntilNothingPending();
        listings = TestListings.listings(COUNT);
        for (AssessedListing listing : listings) {
            store.store(listing);
        }
        store.refresh();
    }

    private static java.nio.file.Path spoolDir;

    private static void waitUntilNothingPending() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (store.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, store.pending(), "spooled writes not replayed");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (store != null) {
            store.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    private static ListingQuery query(String q, Boolean flagged, FindingKind kind, String subject, String platform) {
        return new ListingQuery(q, flagged, kind, subject, platform, ListingQuery.MAX_SIZE, null);
    }

    private static Set<String> ids(ListingPage page) {
        return page.items().stream().map(a -> a.listing().id()).collect(Collectors.toSet());
    }

    private static Set<String> expectedIds(Predicate<AssessedListing> filter) {
        return listings.stream().filter(filter).map(a -> a.listing().id()).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void healthIsYellowOrGreen() {
        assertTrue(Set.of("yellow", "green").contains(store.health()), store.health());
    }

    @Test
    @Order(2)
    void getReturnsExactlyWhatWasStored() throws Exception {
        for (AssessedListing listing : List.of(listings.get(0), listings.get(1), listings.get(17))) {
            AssessedListing got = store.get(listing.listing().id()).orElseThrow();
            assertEquals(listing.listing(), got.listing());
            assertEquals(listing.findings(), got.findings());
            assertEquals(listing.risk(), got.risk());
            assertEquals(listing.listing().captureTime(), got.history().firstSeen());
        }
        assertTrue(store.get("no-such-id").isEmpty());
    }

    @Test
    @Order(3)
    void foldedQueryFindsVietnameseTitles() throws Exception {
        Set<String> fishSauce = expectedIds(a -> a.listing().title().startsWith("Nước mắm Phú Quốc"));
        assertEquals(5, fishSauce.size());
        for (String q : List.of("nuoc mam phu quoc", "Nước mắm Phú Quốc", "NUOC MAM Phu Quoc")) {
            ListingPage page = store.search(query(q, null, null, null, null));
            assertEquals(fishSauce.size(), page.total(), q);
            assertEquals(fishSauce, ids(page), q);
        }
        // seller names and descriptions are searched too
        assertEquals(expectedIds(a -> a.listing().seller().name().endsWith(" 3")),
                ids(store.search(query("cua hang dac san mien tay 3", null, null, null, null))));
        assertEquals(expectedIds(a -> a.listing().description().startsWith("Trà búp")),
                ids(store.search(query("tra bup kho", null, null, null, null))));
        assertEquals(0, store.search(query("nuoc mam gucci", null, null, null, null)).total());
    }

    @Test
    @Order(4)
    void filtersSelectByFlagKindSubjectAndPlatform() throws Exception {
        assertEquals(expectedIds(AssessedListing::flagged), ids(store.search(query(null, true, null, null, null))));
        assertEquals(expectedIds(a -> !a.flagged()), ids(store.search(query(null, false, null, null, null))));
        assertEquals(expectedIds(a -> a.findings().stream().anyMatch(f -> f.kind() == FindingKind.TRADEMARK)),
                ids(store.search(query(null, null, FindingKind.TRADEMARK, null, null))));
        Set<String> gucci = expectedIds(a -> a.findings().stream().anyMatch(f -> f.subject().equals("gucci")));
        assertFalse(gucci.isEmpty());
        assertEquals(gucci, ids(store.search(query(null, null, null, "gucci", null))));
        assertEquals(expectedIds(a -> a.listing().platform().equals("lazada")),
                ids(store.search(query(null, null, null, null, "lazada"))));
        Set<String> combined = expectedIds(a -> a.flagged() && a.listing().platform().equals("shopee")
                && a.findings().stream().anyMatch(f -> f.kind() == FindingKind.GEOGRAPHICAL_INDICATION));
        ListingPage page = store.search(query("phu quoc", true, FindingKind.GEOGRAPHICAL_INDICATION, null, "shopee"));
        assertEquals(combined.stream().filter(id -> listings.stream().anyMatch(a -> a.listing().id().equals(id)
                && a.listing().title().contains("Phú Quốc"))).collect(Collectors.toSet()), ids(page));
    }

    @Test
    @Order(4)
    void facetsCountEveryMatchNotJustThePage() throws Exception {
        ListingQuery.Filters facets = new ListingQuery.Filters(null, null, null, null, null, null, null, null, null,
                null, true);
        ListingPage page = store.search(new ListingQuery(null, null, null, null, null, 5, null, facets));
        assertEquals(COUNT, page.total());
        assertEquals(5, page.items().size());
        Map<String, Long> platforms = listings.stream()
                .collect(Collectors.groupingBy(a -> a.listing().platform(), Collectors.counting()));
        assertEquals(platforms, counts(page.facets().get("platform")));
        Map<String, Long> kinds = new HashMap<>();
        Map<String, Long> sellers = new HashMap<>();
        for (AssessedListing a : listings) {
            a.findings().stream().map(f -> f.kind().name()).distinct().forEach(k -> kinds.merge(k, 1L, Long::sum));
            sellers.merge(a.listing().platform() + ":" + a.listing().seller().id(), 1L, Long::sum);
        }
        assertEquals(kinds, counts(page.facets().get("kind")));
        assertEquals(sellers, counts(page.facets().get("seller")));
        long flagged = listings.stream().filter(AssessedListing::flagged).count();
        assertEquals(Map.of("OPEN", flagged), counts(page.facets().get("status")), "unreviewed flags count as OPEN");
        assertEquals(COUNT, page.facets().get("date").stream().mapToLong(ListingPage.FacetCount::count).sum());
        assertEquals(COUNT, page.facets().get("risk").stream().mapToLong(ListingPage.FacetCount::count).sum());
    }

    private static Map<String, Long> counts(List<ListingPage.FacetCount> facet) {
        Map<String, Long> out = new HashMap<>();
        facet.forEach(c -> assertNull(out.put(c.value(), c.count()), "value twice: " + c.value()));
        return out;
    }

    @Test
    @Order(5)
    void cursorPagingVisitsEveryListingOnce() throws Exception {
        assertEquals(expectedIds(a -> true), pageThrough(null));
        // text search pages by score; every Miền Tây seller listing matches
        assertEquals(expectedIds(a -> true), pageThrough("mien tay"));
    }

    private static Set<String> pageThrough(String q) throws StoreException {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ListingPage page = store.search(new ListingQuery(q, null, null, null, null, 7, after));
            assertEquals(COUNT, page.total());
            page.items().forEach(a -> seen.add(a.listing().id()));
            after = page.next();
            assertTrue(++pages <= COUNT / 7 + 2, "paging does not end");
        } while (after != null);
        assertEquals(COUNT / 7 + 1, pages);
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "an id came twice");
        return unique;
    }

    @Test
    @Order(6)
    void browseIsNewestFirst() throws Exception {
        ListingPage first = store.search(new ListingQuery(null, null, null, null, null, 3, null));
        assertEquals(listings.get(COUNT - 1).listing().captureTime(), first.items().get(0).listing().captureTime());
        assertNotNull(first.next());
        assertThrows(IllegalArgumentException.class,
                () -> store.search(new ListingQuery("mam", null, null, null, null, 3, first.next())));
        assertThrows(IllegalArgumentException.class,
                () -> store.search(new ListingQuery(null, null, null, null, null, 3, "bogus")));
        assertNull(store.search(new ListingQuery(null, null, null, null, null, 60, null)).next(), "page not full");
    }

    @Test
    @Order(7)
    void storingTheSameIdAgainUpdates() throws Exception {
        AssessedListing original = listings.get(5);
        Listing l = original.listing();
        Listing renamed = new Listing(l.id(), l.url(), l.platform(), "Nước mắm Phú Quốc hàng giả", l.description(),
                l.price(), l.currency(), l.seller(), l.imageUrls(), l.captureTime(), l.contentHash(),
                l.extractionSource(), l.fieldSources(), l.warnings());
        AssessedListing updated = new AssessedListing(renamed, original.findings(), original.risk());
        store.store(updated);
        store.refresh();
        assertEquals(COUNT, store.search(query(null, null, null, null, null)).total());
        AssessedListing got = store.get(l.id()).orElseThrow();
        assertEquals(updated.listing(), got.listing());
        assertEquals(updated.findings(), got.findings());
        assertEquals(1, got.history().prices().size(), "same price: one price point");
        assertTrue(ids(store.search(query("nuoc mam phu quoc hang gia", null, null, null, null))).contains(l.id()));
    }

    /** Several nodes starting at once all create the layout; "already exists" is success for each. */
    @Test
    @Order(8)
    void concurrentStoresCreateTheLayoutOnce() throws Exception {
        List<ElasticsearchListingStore> nodes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                ElasticsearchListingStore node = new ElasticsearchListingStore(
                        ConnectionSettings.local(elasticsearch.url()).withIndexPrefix("race"),
                        java.nio.file.Files.createTempDirectory("race-spool"));
                nodes.add(node);
                AssessedListing listing = TestListings.listing(n);
                done.add(pool.submit(() -> {
                    node.store(listing);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            // a node that lost the race may have spooled its write (index not ready yet): it replays
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (nodes.stream().anyMatch(n -> n.pending() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            nodes.get(0).refresh();
            assertEquals(4, nodes.get(1).search(query(null, null, null, null, null)).total());
            assertEquals("race-listings", nodes.get(0).alias());
        } finally {
            pool.shutdownNow();
            nodes.forEach(ElasticsearchListingStore::close);
        }
    }

    @Test
    @Order(9)
    void reCrawlsKeepPriceHistoryAndGoneListingsAreMarkedNotDeleted() throws Exception {
        AssessedListing original = listings.get(7);
        Listing l = original.listing();
        java.time.Instant later = l.captureTime().plusSeconds(86_400);
        Listing cheaper = new Listing(l.id(), l.url(), l.platform(), l.title(), l.description(),
                l.price().divide(java.math.BigDecimal.TEN), l.currency(), l.seller(), l.imageUrls(), later,
                l.contentHash(), l.extractionSource(), l.fieldSources(), l.warnings());
        store.store(new AssessedListing(cheaper, original.findings(), original.risk()));
        AssessedListing got = store.get(l.id()).orElseThrow();
        assertEquals(2, got.history().prices().size());
        assertEquals(0, got.history().prices().get(0).price().compareTo(l.price()));
        assertEquals(l.captureTime(), got.history().firstSeen());
        assertEquals(later, got.history().lastSeen());

        store.markGone(l.id(), later.plusSeconds(60));
        store.markGone("no-such-listing", later);
        got = store.get(l.id()).orElseThrow();
        assertTrue(got.history().gone());
        assertEquals(later.plusSeconds(60), got.history().goneAt());
        store.refresh();
        assertEquals(COUNT, store.search(query(null, null, null, null, null)).total(), "gone is not deleted");

        store.store(new AssessedListing(cheaper, original.findings(), original.risk()));
        assertFalse(store.get(l.id()).orElseThrow().history().gone(), "seen again: online");
    }

    @Test
    @Order(10)
    void aScanVisitsEveryMatchOnceEvenWhileItsConsumerWrites() throws Exception {
        List<String> seen = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        store.scan(new ListingQuery(null, null, null, null, null, 7, null), page -> {
            totals.add(page.total());
            assertNull(page.next());
            page.items().forEach(a -> seen.add(a.listing().id()));
            store.updateFindings(page.items()); // new versions of what was seen: the snapshot does not see them
        });
        assertEquals(COUNT / 7 + 1, totals.size());
        assertTrue(totals.stream().allMatch(t -> t == COUNT), totals.toString());
        assertEquals(COUNT, seen.size(), "an id came twice or was skipped");
        assertEquals(expectedIds(a -> true), new HashSet<>(seen));

        Set<String> lazada = new HashSet<>();
        store.scan(new ListingQuery(null, null, null, null, "lazada", ListingQuery.MAX_SIZE, null),
                page -> page.items().forEach(a -> lazada.add(a.listing().id())));
        assertEquals(expectedIds(a -> a.listing().platform().equals("lazada")), lazada);
    }

    @Test
    @Order(11)
    void capturesOfOneListingInQuickSuccessionKeepEveryPriceChangeInOrder() throws Exception {
        Listing l = listings.get(11).listing();
        List<String> prices = List.of("100000", "200000", "200000", "100000", "300000");
        for (int i = 0; i < prices.size(); i++) { // fast enough to land in one bulk request
            Listing capture = new Listing(l.id(), l.url(), l.platform(), l.title(), l.description(),
                    new java.math.BigDecimal(prices.get(i)), l.currency(), l.seller(), l.imageUrls(),
                    l.captureTime().plusSeconds(3600L * (i + 1)), l.contentHash(), l.extractionSource(),
                    l.fieldSources(), l.warnings());
            store.store(new AssessedListing(capture, List.of(), 0));
        }
        AssessedListing got = store.get(l.id()).orElseThrow();
        assertEquals(List.of(l.price(), new java.math.BigDecimal("100000"), new java.math.BigDecimal("200000"),
                        new java.math.BigDecimal("100000"), new java.math.BigDecimal("300000")),
                got.history().prices().stream().map(p -> p.price()).toList());
        assertEquals(l.captureTime(), got.history().firstSeen());
        assertEquals(l.captureTime().plusSeconds(3600L * 5), got.history().lastSeen());
    }

    /** The known URLs of a re-crawl: by platform and host, any case, any port, and nothing on a look-alike host. */
    @Test
    @Order(13)
    void aUrlScanReturnsTheListingsOfAPlatformOnTheGivenHostsOnly() throws Exception {
        List<String> wanted = List.of("https://zalo.vn/a", "http://ZALO.VN/b", "https://zalo.vn:8443/c", "https://zalo.vn",
                "https://zalo.vn?p=1", "https://chat.zalo.vn/e");
        List<String> unwanted = List.of("https://zalo.vn.evil.example/d", "https://zalo.vnx/f", "https://evil.example/zalo.vn/g");
        for (String url : concat(wanted, unwanted)) {
            Listing l = new Listing(null, url, "zalo", "Bài đăng " + url, null, null, null, null, List.of(),
                    TestListings.BASE_TIME, null, "TEXT", Map.of(), List.of());
            store.store(new AssessedListing(l, List.of(), 0.0));
        }
        Listing otherPlatform = new Listing(null, "https://zalo.vn/on-lazada", "lazada", "khác", null, null, null, null,
                List.of(), TestListings.BASE_TIME, null, "TEXT", Map.of(), List.of());
        store.store(new AssessedListing(otherPlatform, List.of(), 0.0));
        store.refresh();

        Set<String> hosts = Set.of("Zalo.vn", "chat.zalo.vn");
        assertEquals(new HashSet<>(wanted), urlsOf(store, "zalo", hosts));
        // the store's query gives what the plain scan-and-filter of the interface gives
        assertEquals(urlsOf(plainScan(store), "zalo", hosts), urlsOf(store, "zalo", hosts));
        Set<String> lazada = listings.stream().filter(a -> a.listing().platform().equals("lazada"))
                .map(a -> a.listing().url()).collect(Collectors.toSet());
        assertEquals(lazada, urlsOf(store, "lazada", Set.of("lazada.vn")), "the test set's lazada.vn listings");
        assertEquals(Set.of(), urlsOf(store, "zalo", Set.of()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> urlsOf(org.markguard.api.ListingStore s, String platform, Set<String> hosts)
            throws StoreException {
        List<String> seen = new ArrayList<>();
        s.scanUrls(platform, hosts, seen::addAll);
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "a URL came twice: " + seen);
        return unique;
    }

    /** The store seen only through the interface's default scanUrls. */
    private static org.markguard.api.ListingStore plainScan(ElasticsearchListingStore es) {
        return new org.markguard.api.ListingStore() {
            @Override
            public void store(AssessedListing listing) throws StoreException {
                es.store(listing);
            }

            @Override
            public void markGone(String id, java.time.Instant when) throws StoreException {
                es.markGone(id, when);
            }

            @Override
            public Optional<AssessedListing> get(String id) throws StoreException {
                return es.get(id);
            }

            @Override
            public ListingPage search(ListingQuery query) throws StoreException {
                return es.search(query);
            }

            @Override
            public void scan(ListingQuery query, PageConsumer consumer) throws StoreException {
                es.scan(query, consumer);
            }

            @Override
            public void refresh() throws StoreException {
                es.refresh();
            }

            @Override
            public String health() {
                return es.health();
            }
        };
    }

    /** Two nodes writing the same listing at once: each write extends what the other wrote, none is lost. */
    @Test
    @Order(12)
    void concurrentWritersOfOneListingLoseNoPriceChange() throws Exception {
        Listing l = listings.get(13).listing();
        int each = 100; // enough for the two writers to collide now and then
        try (ElasticsearchListingStore other = new ElasticsearchListingStore(ConnectionSettings.local(elasticsearch.url()),
                java.nio.file.Files.createTempDirectory("second-node-spool"))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    ElasticsearchListingStore target = node == 0 ? store : other;
                    int base = (node + 1) * 1_000_000;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            Listing capture = new Listing(l.id(), l.url(), l.platform(), l.title(), l.description(),
                                    java.math.BigDecimal.valueOf(base + i), l.currency(), l.seller(), l.imageUrls(),
                                    l.captureTime().plusSeconds(60L * (i + 1)), l.contentHash(), l.extractionSource(),
                                    l.fieldSources(), l.warnings());
                            target.store(new AssessedListing(capture, List.of(), 0));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            other.refresh(); // waits for the second node's writes
        }
        AssessedListing got = store.get(l.id()).orElseThrow();
        assertEquals(1 + 2 * each, got.history().prices().size(), "a concurrent write overwrote another's history");
    }

    @Test
    @Order(99)
    void anIndexDeletedBehindTheStoresBackIsARejectionThenRecreated() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String alias = "markguard-listings";
        HttpResponse<String> aliases = http.send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/_alias/" + alias))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, aliases.statusCode(), aliases.body());
        String concrete = new ObjectMapper().readTree(aliases.body()).fieldNames().next();
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(elasticsearch.url() + "/" + concrete))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());

        StoreException rejected = assertThrows(StoreException.class, () -> store.search(query("gucci", null, null, null, null)));
        assertTrue(rejected.getMessage().contains("rejected") && rejected.getMessage().contains("index_not_found_exception"),
                rejected.getMessage());
        assertFalse(StoreCalls.isUnreachable(rejected));
        assertEquals(0, store.search(query("gucci", null, null, null, null)).total(), "layout recreated on the next call");
    }

    @Test
    @Order(100)
    void writesWhileElasticsearchIsDownAreSpooledAndReplayedInOrder() throws Exception {
        elasticsearch.stop();
        assertFalse(elasticsearch.isRunning());
        AssessedListing first = listings.get(0);
        Listing l = first.listing();
        Listing renamed = new Listing(l.id(), l.url(), l.platform(), "tên mới sau khi mất kết nối", l.description(),
                l.price(), l.currency(), l.seller(), l.imageUrls(), l.captureTime(), l.contentHash(),
                l.extractionSource(), l.fieldSources(), l.warnings());
        store.store(first);
        store.store(new AssessedListing(renamed, first.findings(), first.risk())); // later write wins
        store.store(listings.get(1));
        assertEquals(3, store.pending());
        assertThrows(StoreException.class, () -> store.search(query(null, null, null, null, null)));
        assertEquals("unreachable", store.health());

        // a new store instance on the same spool (a restarted Karaf) picks the pending writes up
        store.close();
        store = new ElasticsearchListingStore(ConnectionSettings.local(elasticsearch.url()), spoolDir);
        assertEquals(3, store.pending());
        elasticsearch.start(); // a fresh, empty node
        waitUntilNothingPending();
        assertEquals("tên mới sau khi mất kết nối", store.get(l.id()).orElseThrow().listing().title());
        assertTrue(store.get(listings.get(1).listing().id()).isPresent());
    }
}
