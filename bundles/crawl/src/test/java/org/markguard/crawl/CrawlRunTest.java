package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AssessedListing;
import org.markguard.api.CrawlState;
import org.markguard.api.Listing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.SourceDefinition;

/** Crawls a real local HTTP site with the embedded crawler4j; extraction and storage are fakes. */
class CrawlRunTest {
    private HttpServer server;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final java.util.Queue<Long> requestTimes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<String, AssessedListing> stored = new ConcurrentHashMap<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        page("/", "text/html", "<a href='/p/1'>1</a><a href='/p/2'>2</a><a href='/private/x'>x</a>"
                + "<a href='http://elsewhere.invalid/'>out</a><a href='/missing'>404</a>");
        page("/p/1", "text/html", "<title>Giày Nike</title>");
        page("/p/2", "text/html", "<title>Túi Gucci</title><a href='/p/1'>again</a>");
        page("/private/x", "text/html", "<title>secret</title>");
        server.start();
    }

    private void page(String path, String type, String body) {
        server.createContext(path, ex -> {
            requested.add(ex.getRequestURI().getPath());
            requestTimes.add(System.currentTimeMillis());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            boolean exact = ex.getRequestURI().getPath().equals(path);
            ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
            ex.sendResponseHeaders(exact ? 200 : 404, exact ? bytes.length : -1);
            if (exact) {
                ex.getResponseBody().write(bytes);
            }
            ex.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void crawlsTheSiteHonouringRobotsAndHosts(@TempDir Path dir) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/"), List.of(), 3, 100, 0, List.of()));
        CrawlProgress progress = new CrawlProgress("c1", "t");
        PageHandler handler = new PageHandler(
                page -> page.url().contains("/p/")
                        ? Optional.of(new Listing(null, page.url(), page.platform(), "x", null, null, null, null,
                        null, page.fetchTime(), null, "HTML", null, null))
                        : Optional.empty(),
                new PassThroughDetection(), new MemoryStore());
        new CrawlRun(source, dir.resolve("c1"), handler, new PageCapture(() -> null, "t"), progress).run();

        var status = progress.status();
        assertEquals(CrawlState.FINISHED, status.state(), String.valueOf(status.message()));
        assertEquals(2, stored.size(), "two product pages stored");
        assertFalse(requested.contains("/private/x"), "robots.txt disallowed page was fetched");
        assertTrue(status.errors() >= 1, "the 404 is counted as an error");
        assertTrue(gone.contains(Listing.idFor(base + "/missing")), "a 404 marks the listing gone");
        assertTrue(progress.failures().stream().anyMatch(f -> f.url().endsWith("/missing")
                && f.reason().contains("404")), "the failure is recorded with its reason");
        assertEquals(3, status.pagesFetched());
        assertTrue(stored.values().stream().allMatch(a -> a.listing().platform().equals("shopee")));
        // the last page is done before crawler4j's idle checks end the crawl, seconds later
        assertNotNull(status.lastPageAt(), "lastPageAt once pages were processed");
        assertFalse(status.lastPageAt().isBefore(status.startedAt()), "lastPageAt after the start");
        assertTrue(status.lastPageAt().plusMillis(1500).isBefore(status.finishedAt()),
                "the finish comes after crawler4j's idle tail: " + status.lastPageAt() + " / " + status.finishedAt());
    }

    @Test
    void includePatternsLimitWhatIsFollowed(@TempDir Path dir) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/"), List.of(), 3, 100, 0, List.of("/p/1$")));
        CrawlProgress progress = new CrawlProgress("c2", "t");
        PageHandler handler = listingPerPage();
        new CrawlRun(source, dir.resolve("c2"), handler, new PageCapture(() -> null, "t"), progress).run();
        assertEquals(2, stored.size(), "the seed and /p/1 only: " + stored.keySet());
        assertFalse(requested.contains("/p/2"));
    }

    @Test
    void linksResolveAgainstTheBaseHrefAndNoindexPagesAreNotStored(@TempDir Path dir) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        page("/b/start", "text/html", "<head><base href='/shop/'></head><a href='p/5'>5</a><a href=\"../hidden\">h</a>");
        page("/shop/p/5", "text/html", "<title>T\u00fai</title>");
        page("/hidden", "text/html", "<meta name='robots' content='noindex'><a href='/shop/p/6'>6</a>");
        page("/shop/p/6", "text/html", "<title>V\u00ed</title>");
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/b/start"), List.of(), 3, 100, 0, List.of()));
        PageHandler handler = listingPerPage();
        CrawlProgress progress = new CrawlProgress("c4", "t");
        new CrawlRun(source, dir.resolve("c4"), handler, new PageCapture(() -> null, "t"), progress).run();
        assertEquals(CrawlState.FINISHED, progress.status().state(), String.valueOf(progress.status().message()));
        assertTrue(requested.contains("/shop/p/5"), "the relative link resolved against <base href>: " + requested);
        assertFalse(requested.contains("/b/p/5"), "not against the page's own folder");
        assertTrue(requested.contains("/shop/p/6"), "a noindex page's links are still followed: " + requested);
        assertTrue(stored.containsKey(Listing.idFor(base + "/shop/p/6")));
        assertFalse(stored.containsKey(Listing.idFor(base + "/hidden")), "a noindex page is not processed");
    }

    @Test
    void aMetaRefreshIsFollowedEvenFromThePageAtTheDepthLimit(@TempDir Path dir) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        page("/m/start", "text/html", "<a href='/m/deep'>deep</a>");
        page("/m/deep", "text/html", "<HEAD><Meta HTTP-EQUIV=\"Refresh\" CONTENT=\"0; URL=/m/target\"></HEAD>");
        page("/m/target", "text/html", "<title>T\u00fai</title>");
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/m/start"), List.of(), 1, 100, 0, List.of()));
        CrawlProgress progress = new CrawlProgress("c5", "t");
        new CrawlRun(source, dir.resolve("c5"), new PageHandler(page -> Optional.empty(), new PassThroughDetection(),
                new MemoryStore()), new PageCapture(() -> null, "t"), progress).run();
        assertEquals(CrawlState.FINISHED, progress.status().state(), String.valueOf(progress.status().message()));
        assertTrue(requested.contains("/m/deep"), String.valueOf(requested));
        // at depth 1 = maxDepth the page's links are not scheduled; its refresh target is, as a seed
        assertTrue(requested.contains("/m/target"), "the meta refresh target was fetched: " + requested);
    }

    @Test
    void politenessKeepsTheGapBetweenRequestsToOneHost(@TempDir Path dir) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/"), List.of(), 3, 100, 300, List.of()));
        new CrawlRun(source, dir.resolve("c3"), new PageHandler(page -> Optional.empty(), new PassThroughDetection(),
                new MemoryStore()), new PageCapture(() -> null, "t"), new CrawlProgress("c3", "t")).run();
        List<Long> times = requestTimes.stream().sorted().toList();
        assertTrue(times.size() >= 4, "requests: " + times.size());
        long minGap = Long.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) {
            minGap = Math.min(minGap, times.get(i) - times.get(i - 1));
        }
        // the robots.txt fetch is outside politeness; page fetches keep >= ~300 ms apart
        List<Long> pageGaps = new java.util.ArrayList<>();
        for (int i = 2; i < times.size(); i++) {
            pageGaps.add(times.get(i) - times.get(i - 1));
        }
        // slots are 300 ms apart; an arrival can lag its slot by connection set-up, so single gaps jitter
        List<Long> sorted = pageGaps.stream().sorted().toList();
        assertTrue(sorted.get(sorted.size() / 2) >= 280, "median gap between page requests (ms): " + pageGaps);
        assertTrue(sorted.get(0) >= 200, "gaps between page requests (ms): " + pageGaps);
    }

    /** A handler that makes one bare listing of every page it is given, so each fetched page is stored. */
    private PageHandler listingPerPage() {
        return new PageHandler(page -> Optional.of(new Listing(null, page.url(), page.platform(), "x",
                null, null, null, null, null, page.fetchTime(), null, "HTML", null, null)),
                new PassThroughDetection(), new MemoryStore());
    }

    private final class MemoryStore implements ListingStore {
        @Override
        public void store(AssessedListing listing) {
            stored.put(listing.listing().id(), listing);
        }

        @Override
        public Optional<AssessedListing> get(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public ListingPage search(ListingQuery query) {
            return new ListingPage(stored.size(), List.copyOf(stored.values()), null);
        }

        @Override
        public void markGone(String id, java.time.Instant when) {
            gone.add(id);
        }

        @Override
        public void refresh() {
        }

        @Override
        public String health() {
            return "green";
        }
    }
}
