package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.markguard.api.ImageFacts;
import org.markguard.api.ImageInspector;
import org.markguard.api.Listing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.SourceDefinition;

/**
 * Product photos through a real crawl of a local HTTP site: fetched with the crawl's fetcher
 * (robots.txt, hosts, size cap), read by an inspector (a fake here: the real one is tested in
 * extract-images and in the itests), and put on the stored listing.
 */
class CrawlPhotosTest {
    private HttpServer server;
    private String base;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Map<String, AssessedListing> stored = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        respond("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        respond("/", "text/html", "<a href='/p/1'>1</a>".getBytes(StandardCharsets.UTF_8));
        respond("/p/1", "text/html", "<title>Giày</title>".getBytes(StandardCharsets.UTF_8));
        respond("/img/a.png", "image/png", new byte[] {1, 2, 3});
        respond("/img/b.png", "image/png", new byte[] {4, 5, 6, 7});
        respond("/img/big.png", "image/png", new byte[5000]);
        respond("/private/c.png", "image/png", new byte[] {8});
        server.start();
    }

    private void respond(String path, String type, byte[] body) {
        server.createContext(path, ex -> {
            requested.add(ex.getRequestURI().getPath());
            boolean exact = ex.getRequestURI().getPath().equals(path);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(exact ? 200 : 404, exact ? body.length : -1);
            if (exact) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** A fake inspector: the byte count as the "hash", so the test sees which bytes arrived. */
    private static final ImageInspector BYTE_COUNTER = (url, type, bytes) ->
            new ImageFacts(url, "len" + bytes.length, 1, 1, Map.of("type", type), List.of());

    private Listing crawlOneListing(Path dir, List<String> images, ImageInspector inspector, PhotoSettings settings) {
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/"), List.of(), 3, 100, 0, List.of()));
        CrawlProgress progress = new CrawlProgress("c", "t");
        PageHandler handler = new PageHandler(page -> page.url().endsWith("/p/1")
                ? Optional.of(new Listing(null, page.url(), page.platform(), "x", null, null, null, null,
                images, page.fetchTime(), null, "HTML", null, null))
                : Optional.empty(), new PassThroughDetection(), new MemoryStore());
        CrawlRun run = new CrawlRun(source, dir, handler, new PageCapture(() -> null, "t"), progress);
        run.photos(() -> inspector, settings);
        run.run();
        assertEquals(CrawlState.FINISHED, progress.status().state(), progress.status().message());
        assertEquals(1, stored.size());
        return stored.values().iterator().next().listing();
    }

    @Test
    void fetchesTheFirstPhotosAndRecordsWhyOthersAreMissing(@TempDir Path dir) {
        List<String> images = List.of(base + "/img/a.png", base + "/img/missing.png",
                "http://cdn.elsewhere.invalid/x.png", base + "/private/c.png", base + "/img/big.png",
                base + "/img/b.png");
        Listing listing = crawlOneListing(dir, images, BYTE_COUNTER, new PhotoSettings(5, 1000, Set.of()));
        List<ImageFacts> facts = listing.details().images();
        assertEquals(5, facts.size(), "at most images.perListing: " + facts);
        assertEquals("len3", facts.get(0).perceptualHash());
        assertEquals("image/png", facts.get(0).metadata().get("type"));
        assertNull(facts.get(1).perceptualHash());
        assertTrue(facts.get(1).warnings().get(0).contains("404"), facts.get(1).warnings().toString());
        assertTrue(facts.get(2).warnings().get(0).contains("host not allowed"), facts.get(2).warnings().toString());
        assertTrue(facts.get(3).warnings().get(0).contains("robots.txt"), facts.get(3).warnings().toString());
        assertTrue(facts.get(4).warnings().get(0).contains("cap of 1000"), facts.get(4).warnings().toString());
        assertFalse(requested.contains("/private/c.png"), "robots.txt disallowed photo was fetched");
        assertFalse(requested.contains("/img/b.png"), "more photos fetched than images.perListing");
    }

    @Test
    void anAllowedExtraHostIsFetchedFrom(@TempDir Path dir) {
        // the same server under another name: "localhost" is not the source's host 127.0.0.1
        String other = base.replace("127.0.0.1", "localhost");
        Listing blocked = crawlOneListing(dir.resolve("a"), List.of(other + "/img/b.png"), BYTE_COUNTER,
                new PhotoSettings(2, 1000, Set.of()));
        assertTrue(blocked.details().images().get(0).warnings().get(0).contains("host not allowed"));
        stored.clear();
        Listing allowed = crawlOneListing(dir.resolve("b"), List.of(other + "/img/b.png"), BYTE_COUNTER,
                new PhotoSettings(2, 1000, PhotoSettings.hosts(" LocalHost , cdn.test")));
        assertEquals("len4", allowed.details().images().get(0).perceptualHash());
    }

    @Test
    void aLinkedPdfReachesTheExtractorAndAnUntypedImageDoesNot(@TempDir Path dir) {
        server.removeContext("/");
        respond("/", "text/html", "<a href='/list.pdf'>bảng giá</a><a href='/photo'>ảnh</a>".getBytes(StandardCharsets.UTF_8));
        respond("/list.pdf", "application/pdf", "%PDF-1.4\n% a price list\n".getBytes(StandardCharsets.US_ASCII));
        respond("/photo", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Set<String> extracted = ConcurrentHashMap.newKeySet();
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/"), List.of(), 3, 100, 0, List.of()));
        CrawlProgress progress = new CrawlProgress("c", "t");
        new CrawlRun(source, dir, new PageHandler(page -> {
            extracted.add(page.url().replace(base, "") + " " + page.contentType() + " " + page.body().length);
            return Optional.empty();
        }, new PassThroughDetection(), new MemoryStore()), new PageCapture(() -> null, "t"), progress).run();
        assertEquals(CrawlState.FINISHED, progress.status().state(), progress.status().message());
        assertTrue(extracted.contains("/list.pdf application/pdf 24"), extracted.toString());
        assertTrue(requested.contains("/photo"), "the untyped image is fetched (its URL says nothing)");
        assertTrue(extracted.stream().noneMatch(e -> e.startsWith("/photo")), extracted.toString());
    }

    @Test
    void withoutAnInspectorNoPhotoIsFetched(@TempDir Path dir) {
        Listing listing = crawlOneListing(dir, List.of(base + "/img/a.png"), null, PhotoSettings.DEFAULTS);
        assertTrue(listing.details().images().isEmpty());
        assertFalse(requested.contains("/img/a.png"));
    }

    @Test
    void anInspectorThatThrowsDoesNotFailThePage(@TempDir Path dir) {
        Listing listing = crawlOneListing(dir, List.of(base + "/img/a.png"), (u, t, b) -> {
            throw new IllegalStateException("boom");
        }, PhotoSettings.DEFAULTS);
        assertTrue(listing.details().images().get(0).warnings().get(0).contains("boom"));
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
