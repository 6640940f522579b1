package org.markguard.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.frontier.SleepycatFrontierConfiguration;
import edu.uci.ics.crawler4j.parser.Parser;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.TLDList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.markguard.api.CrawlState;
import org.markguard.api.SourceDefinition;

/** One crawl of one source with an embedded crawler4j controller; blocks in {@link #run()}. */
final class CrawlRun implements Runnable {
    static final String USER_AGENT_NAME = "markguard";
    static final String JOURNAL = "journal.txt";
    static final String CRAWL_ID = "crawl.id";
    /** How long a halting crawl lets requests in flight finish; the fetcher's timeouts are longer, pages are fast. */
    static final long HALT_GRACE_MS = 1500;
    static final String USER_AGENT = "markguard/0.1 (IP-enforcement monitor; robots.txt honoured)";

    /** Session ids in query strings make every URL new: the normaliser drops them. */
    static final List<String> SESSION_PARAMETERS = List.of("jsessionid", "JSESSIONID", "phpsessid", "PHPSESSID",
            "sid", "sessionid", "session_id", "aspsessionid", "ASPSESSIONID");

    private final SourceDefinition source;
    private final Path storage;
    private final PageHandler handler;
    private final PageCapture capture;
    private final RenderStep render;
    private final CrawlProgress progress;
    private volatile CrawlController controller;
    private final PauseGate gate = new PauseGate();
    /** Set when Karaf stops: the frontier and journal stay so the crawl resumes at the next start. */
    private volatile boolean keepForResume;
    private volatile boolean resuming;
    private java.util.function.Supplier<List<String>> revisits = List::of;
    private java.util.function.Supplier<org.markguard.api.ImageInspector> inspector = () -> null;
    private PhotoSettings photoSettings = PhotoSettings.DEFAULTS;

    CrawlRun(SourceDefinition source, Path storage, PageHandler handler, PageCapture capture, CrawlProgress progress) {
        this(source, storage, handler, capture, RenderStep.off(), progress);
    }

    CrawlRun(SourceDefinition source, Path storage, PageHandler handler, PageCapture capture, RenderStep render,
             CrawlProgress progress) {
        this.source = source;
        this.storage = storage;
        this.handler = handler;
        this.capture = capture;
        this.render = render;
        this.progress = progress;
    }

    /** URLs fetched again besides the seeds (listings already indexed), read when the crawl starts. */
    void revisit(java.util.function.Supplier<List<String>> urls) {
        this.revisits = urls;
    }

    /** Product photos of each listing are fetched and read with this inspector, while it is present. */
    void photos(java.util.function.Supplier<org.markguard.api.ImageInspector> imageInspector, PhotoSettings settings) {
        this.inspector = imageInspector;
        this.photoSettings = settings;
    }

    /**
     * Continue the crawl an earlier run left in {@code storage} (killed, or stopped by a shutdown):
     * its frontier, and its journal of what was already stored. Known listings are not revisited.
     */
    void resumeFromStorage() {
        this.resuming = true;
    }

    /** The source's secret headers, cookies folded into one Cookie header. Never logged. */
    static java.util.Map<String, String> requestHeaders(SourceDefinition source) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(source.secrets().headers());
        if (!source.secrets().cookies().isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            source.secrets().cookies().forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ")
                    .append(k).append('=').append(v));
            headers.put("Cookie", cookie.toString());
        }
        return headers;
    }

    @Override
    public void run() {
        PageFetcher fetcher = null;
        PageFetcher photoFetcher = null;
        SleepycatFrontierConfiguration frontier = null;
        // crawler4j and its Tika parser look classes up through the context class loader
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(CrawlRun.class.getClassLoader());
        CrawlJournal journal = null;
        try {
            if (!resuming) {
                deleteTree(storage); // a fresh crawl: nothing of an earlier one may count as done
            }
            Files.createDirectories(storage); // the Sleepycat frontier fails on a missing folder
            Files.writeString(storage.resolve(CRAWL_ID), progress.id()); // which crawl a restart resumes
            // the resumable frontier commits a transaction per URL; Sleepycat's default fsyncs each one,
            // which cost a quarter of the pipeline's rate: written without fsync, a commit survives a
            // killed process (not a power cut), like the journal
            Path frontierHome = Files.createDirectories(storage.resolve("frontier"));
            Files.writeString(frontierHome.resolve("je.properties"),
                    "je.txn.durability=WRITE_NO_SYNC,NO_SYNC,SIMPLE_MAJORITY\n");
            journal = new CrawlJournal(storage.resolve(JOURNAL));
            PageRecovery recovery = new PageRecovery(journal.unfinished());
            CrawlConfig config = config();
            BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
                    .idnNormalization(BasicURLNormalizer.IdnNormalization.NONE)
                    .queryParamsToRemove(SESSION_PARAMETERS).build();
            HostPoliteness politeness = new HostPoliteness(source.politenessDelayMs(), gate);
            fetcher = new PageFetcher(config, normalizer, politeness);
            frontier = new SleepycatFrontierConfiguration(config);
            RobotstxtConfig robots = new RobotstxtConfig();
            robots.setUserAgentName(USER_AGENT_NAME);
            RobotstxtServer robotsServer = new RobotstxtServer(robots, fetcher, frontier.getWebURLFactory());
            // links are found by a scan of the markup, not a Tika parse: the extractor parses every page
            // anyway, and crawler4j's Tika parse for links alone was a sixth of Karaf's CPU in a crawl
            TLDList tlds = new TLDList(config);
            Parser parser = new Parser(config, normalizer, new LinkScanningHtmlParser(config, normalizer, tlds,
                    frontier.getWebURLFactory()), tlds, frontier.getWebURLFactory());
            CrawlController c = new CrawlController(config, normalizer, fetcher, parser, robotsServer, tlds, frontier);
            for (String seed : source.seeds()) {
                c.addSeed(seed);
            }
            for (String known : resuming ? List.<String>of() : revisits.get()) {
                c.addSeed(known);
            }
            controller = c;
            progress.queueLength(() -> c.getFrontier().getQueueLength());
            Set<String> hosts = Set.copyOf(source.allowedHosts());
            List<Pattern> includes = source.includePatterns().stream().map(Pattern::compile).toList();
            List<Pattern> excludes = source.excludePatterns().stream().map(Pattern::compile).toList();
            TrapGuard traps = new TrapGuard();
            // photos have a fetcher of their own: crawler4j shuts the page fetcher down when the last
            // page is fetched, while the pipeline still works on pages (and their photos); the
            // politeness (and its pause gate) is the same object, so hosts see one request rate
            photoFetcher = new PageFetcher(config, normalizer, politeness);
            ListingPhotos photos = new ListingPhotos(inspector, photoSettings, hosts,
                    new CrawlerPhotoSource(photoFetcher, new RobotstxtServer(robots, photoFetcher,
                            frontier.getWebURLFactory()), frontier.getWebURLFactory()));
            PagePipeline pipeline = new PagePipeline(progress.id(), PagePipeline.workersFor(source.threads(),
                    source.render()));
            PipelineCrawler.PageWork work = new PipelineCrawler.PageWork(handler, capture, render, photos, progress,
                    pipeline, journal, recovery.urls(), gate);
            try {
                recovery.submit(new PipelineCrawler(hosts, includes, excludes, source.platform(), traps, work),
                        pipeline, capture, photoFetcher, frontier.getWebURLFactory(), progress, config.getMaxDownloadSize());
                c.start(() -> new PipelineCrawler(hosts, includes, excludes, source.platform(), traps, work),
                        source.threads());
            } finally {
                pipeline.drain(); // fetched pages are processed also when the crawl stops or fails
            }
            progress.end(CrawlState.FINISHED, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.end(CrawlState.STOPPED, "interrupted");
        } catch (Exception | LinkageError e) {
            progress.end(CrawlState.FAILED, e.toString());
        } finally {
            if (controller == null && fetcher != null) {
                fetcher.shutDown(); // else a non-daemon monitor thread outlives the failed crawl
            }
            if (photoFetcher != null) {
                photoFetcher.shutDown();
            }
            if (frontier != null) {
                frontier.close();
            }
            closeQuietly(journal);
            if (!keepForResume) {
                deleteTree(storage); // ended for good: nothing to resume
            }
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Holds every fetch of this crawl at its next request; false when it was not running. */
    boolean pause() {
        synchronized (gate) {
            if (!progress.pause()) {
                return false;
            }
            gate.close();
            return true;
        }
    }

    /** Lets the held fetches go on; false when it was not paused. */
    boolean resume() {
        synchronized (gate) {
            if (!progress.resume()) {
                return false;
            }
            gate.open();
            return true;
        }
    }

    /** Stops because Karaf stops: what is left to crawl is kept and crawled at the next start. */
    void stopForRestart() {
        keepForResume = true;
        gate.halt(); // no new request from now on; the refused pages go to the journal
        try {
            Thread.sleep(HALT_GRACE_MS); // requests already sent get their answer before the fetcher closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop("stopped by a shutdown; resumes at the next start");
    }

    void stop() {
        stop("stopped");
    }

    private void stop(String why) {
        if (!gate.isHalted()) {
            gate.open(); // held threads must run to see the shutdown
        }
        CrawlController c = controller;
        if (c != null) {
            c.shutdown();
        }
        progress.end(CrawlState.STOPPED, why);
    }

    private static void closeQuietly(CrawlJournal journal) {
        if (journal != null) {
            try {
                journal.close();
            } catch (java.io.IOException e) {
                // every line was written when it happened; nothing is lost by a failed close
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(CrawlRun.class).warn("Crawl folder {} not deleted: {}", root, e.toString());
        }
    }

    private CrawlConfig config() {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(storage.toString());
        config.setPolitenessDelay(source.politenessDelayMs());
        config.setMaxDepthOfCrawling(source.maxDepth());
        config.setMaxPagesToFetch(source.maxPages());
        config.setUserAgentString(source.userAgent() == null ? USER_AGENT : source.userAgent());
        config.setDefaultHeaders(requestHeaders(source).entrySet().stream()
                .map(e -> new org.apache.hc.core5.http.message.BasicHeader(e.getKey(), e.getValue())).toList());
        // binary content is fetched so PDF price lists reach the extractor (PipelineCrawler drops other
        // binaries); crawler4j's own Tika parse of it is off: the extractor reads PDFs itself
        config.setIncludeBinaryContentInCrawling(true);
        config.setProcessBinaryContentInCrawling(false);
        // the frontier is kept on disk so that a killed crawl goes on where it was (CrawlJournal)
        config.setResumableCrawling(true);
        config.setIncludeHttpsPages(true);
        config.setAllowSingleLevelDomain(true);
        config.setOnlineTldListUpdate(false);
        config.setMaxDownloadSize(5 * 1024 * 1024);
        // defaults of 10+ s per delay make every crawl end ~28 s late
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(1);
        return config;
    }
}
