package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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

/** Pausing a real crawl of a local site: the server sees no request while paused, and the crawl completes after. */
class CrawlPauseTest {
    static final int PAGES = 30;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger stored = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            StringBuilder body = new StringBuilder();
            if (path.equals("/")) {
                for (int i = 1; i <= PAGES; i++) {
                    body.append("<a href='/p/").append(i).append("'>").append(i).append("</a>");
                }
            }
            byte[] bytes = (path.equals("/robots.txt") ? "User-agent: *\n" : body.toString())
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", path.equals("/robots.txt") ? "text/plain" : "text/html");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CrawlRun run(Path dir, CrawlProgress progress) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        SourceDefinition source = SourceConfigs.validate(new SourceDefinition(null, "t", "shopee",
                List.of(base + "/"), List.of(), 3, 100, 60, List.of()));
        PageHandler handler = new PageHandler(page -> page.url().contains("/p/")
                ? Optional.of(new Listing(null, page.url(), page.platform(), "x", null, null, null, null, null,
                page.fetchTime(), null, "HTML", null, null)) : Optional.empty(), new PassThroughDetection(), new CountingStore());
        return new CrawlRun(source, dir, handler, new PageCapture(() -> null, "t"), progress);
    }

    @Test
    void aPausedCrawlFetchesNothingAndCompletesOnceResumed(@TempDir Path dir) throws Exception {
        CrawlProgress progress = new CrawlProgress("c", "t");
        CrawlRun run = run(dir, progress);
        Thread crawl = new Thread(run);
        crawl.start();
        while (requests.get() < 8) {
            Thread.sleep(10);
        }
        assertTrue(run.pause());
        assertEquals(CrawlState.PAUSED, progress.status().state());
        assertFalse(run.pause(), "pausing twice");
        Thread.sleep(300); // a fetch past its politeness check when paused still completes
        int atPause = requests.get();
        Thread.sleep(1500);
        assertEquals(atPause, requests.get(), "requests while paused");
        assertTrue(atPause < PAGES, "paused too late to tell: " + atPause);
        assertTrue(run.resume());
        assertFalse(run.resume(), "resuming twice");
        crawl.join(60_000);
        assertEquals(CrawlState.FINISHED, progress.status().state(), progress.status().message());
        assertEquals(PAGES, stored.get());
    }

    @Test
    void aPausedCrawlCanBeStopped(@TempDir Path dir) throws Exception {
        CrawlProgress progress = new CrawlProgress("c", "t");
        CrawlRun run = run(dir, progress);
        Thread crawl = new Thread(run);
        crawl.start();
        while (requests.get() < 4) {
            Thread.sleep(10);
        }
        assertTrue(run.pause());
        run.stop();
        crawl.join(30_000);
        assertFalse(crawl.isAlive(), "a stopped paused crawl must end");
        assertEquals(CrawlState.STOPPED, progress.status().state());
        assertFalse(run.resume());
    }

    @Test
    void aCrawlStoppedByAShutdownResumesWithoutFetchingAPageTwice(@TempDir Path dir) throws Exception {
        java.util.Map<String, Integer> fetches = new java.util.concurrent.ConcurrentHashMap<>();
        server.removeContext("/");
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            fetches.merge(path, 1, Integer::sum);
            requests.incrementAndGet();
            StringBuilder body = new StringBuilder();
            if (path.equals("/")) {
                for (int i = 1; i <= PAGES; i++) {
                    body.append("<a href='/p/").append(i).append("'>").append(i).append("</a>");
                }
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", path.equals("/robots.txt") ? "text/plain" : "text/html");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        Path storage = dir.resolve("source");
        CrawlRun first = run(storage, new CrawlProgress("c", "t"));
        Thread crawl = new Thread(first);
        crawl.start();
        while (stored.get() < 8) {
            Thread.sleep(10);
        }
        first.stopForRestart();
        crawl.join(30_000);
        int storedBefore = stored.get();
        assertTrue(storedBefore < PAGES, "stopped too late to tell: " + storedBefore);
        assertTrue(Files.exists(storage.resolve(CrawlRun.CRAWL_ID)), "the crawl's folder must outlive a shutdown");

        CrawlProgress progress = new CrawlProgress("c", "t");
        CrawlRun second = run(storage, progress);
        second.resumeFromStorage();
        second.run();
        assertEquals(CrawlState.FINISHED, progress.status().state(), progress.status().message());
        assertEquals(PAGES, stored.get(), "every page stored once over both runs");
        fetches.forEach((path, n) -> {
            if (!path.equals("/robots.txt")) {
                assertEquals(1, n, path + " fetched " + n + " times");
            }
        });
        assertFalse(Files.exists(storage), "a finished crawl leaves nothing to resume");
    }

    private final class CountingStore implements ListingStore {
        @Override
        public void store(AssessedListing listing) {
            stored.incrementAndGet();
        }

        @Override
        public Optional<AssessedListing> get(String id) {
            return Optional.empty();
        }

        @Override
        public ListingPage search(ListingQuery query) {
            return new ListingPage(0, List.of(), null);
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
