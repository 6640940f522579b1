package org.markguard.crawl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.markguard.api.CaptureStore;
import org.markguard.api.CrawlFailure;
import org.markguard.api.CrawlService;
import org.markguard.api.CrawlStatus;
import org.markguard.api.DetectionService;
import org.markguard.api.Extractor;
import org.markguard.api.ListingStore;
import org.markguard.api.PageRenderer;
import org.markguard.api.SourceDefinition;
import org.markguard.api.SourceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Starts crawls in the background, one at a time per source, and keeps their progress. */
@Component(service = CrawlService.class, configurationPid = CrawlManager.PID,
        configurationPolicy = org.osgi.service.component.annotations.ConfigurationPolicy.OPTIONAL)
@org.osgi.service.metatype.annotations.Designate(ocd = CrawlSettings.class)
public class CrawlManager implements CrawlService {
    static final String PID = "org.markguard.crawl";
    private final SourceService sources;
    private final ListingStore store;
    private final PageHandler handler;
    private final Path dataDir;
    private volatile CaptureStore captureStore;
    private volatile PageRenderer renderer;
    private volatile org.markguard.api.ImageInspector imageInspector;
    private volatile PhotoSettings photoSettings = PhotoSettings.DEFAULTS;
    private final Map<String, java.time.Instant> lastStart = new ConcurrentHashMap<>();
    private final java.time.Instant activatedAt = java.time.Instant.now();
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "markguard-crawl-schedule");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, CrawlProgress> crawls = new ConcurrentHashMap<>();
    private final Map<String, CrawlRun> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "markguard-crawl");
        t.setDaemon(true);
        return t;
    });

    /** Raw captures are written when a capture store is installed; crawls go on without one. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCaptureStore(CaptureStore store) {
        this.captureStore = store;
    }

    void unsetCaptureStore(CaptureStore store) {
        if (this.captureStore == store) {
            this.captureStore = null;
        }
    }

    /** Headless rendering for render=true sources, when the render feature is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRenderer(PageRenderer renderer) {
        this.renderer = renderer;
    }

    void unsetRenderer(PageRenderer renderer) {
        if (this.renderer == renderer) {
            this.renderer = null;
        }
    }

    /** Product photos are hashed when the extract-images bundle is installed; crawls go on without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setImageInspector(org.markguard.api.ImageInspector inspector) {
        this.imageInspector = inspector;
    }

    void unsetImageInspector(org.markguard.api.ImageInspector inspector) {
        if (this.imageInspector == inspector) {
            this.imageInspector = null;
        }
    }

    @Activate
    public CrawlManager(@Reference SourceService sources, @Reference Extractor extractor,
                        @Reference DetectionService detection, @Reference ListingStore store, CrawlSettings settings) {
        this(sources, store, new PageHandler(extractor, detection, store),
                Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "markguard", "crawls"));
        modified(settings);
    }

    /** A changed {@code org.markguard.crawl.cfg} applies to the crawls started after it. */
    @org.osgi.service.component.annotations.Modified
    void modified(CrawlSettings settings) {
        photoSettings = PhotoSettings.of(settings);
    }

    CrawlManager(SourceService sources, ListingStore store, PageHandler handler, Path dataDir) {
        this.sources = sources;
        this.store = store;
        this.handler = handler;
        this.dataDir = dataDir;
        scheduler.scheduleWithFixedDelay(this::startDueCrawls, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
        // sources are configured shortly after start (ConfigAdmin): look for interrupted crawls then, and again later
        scheduler.scheduleWithFixedDelay(this::resumeInterruptedCrawls, 3, 30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Starts the crawls whose schedule is due; a source still being crawled is skipped this time. */
    void startDueCrawls() {
        java.time.Instant now = java.time.Instant.now();
        try {
            for (SourceDefinition s : sources.list()) {
                if (s.schedule() != null && Schedule.parse(s.schedule()).due(lastStart.get(s.id()), now, activatedAt)
                        && !isRunning(s.id())) {
                    start(s.id());
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CrawlManager.class).warn("Scheduled crawls not started: {}", e.toString());
        }
    }

    private boolean isRunning(String sourceId) {
        return running.keySet().stream().map(crawls::get).anyMatch(p -> p.sourceId().equals(sourceId) && p.active());
    }

    @Override
    public synchronized CrawlStatus start(String sourceId) {
        SourceDefinition source = sources.get(sourceId)
                .orElseThrow(() -> new IllegalArgumentException("no source with id '" + sourceId + "'"));
        if (isRunning(sourceId)) {
            throw new IllegalStateException("source '" + sourceId + "' is already being crawled");
        }
        // a crawl of this source that a kill or a shutdown interrupted goes on rather than starting over
        String interrupted = interruptedCrawlId(source);
        return launch(source, interrupted == null ? UUID.randomUUID().toString() : interrupted, interrupted != null);
    }

    /** The folder of a source's crawl: its frontier, journal and id, kept until the crawl ends for good. */
    private Path storageOf(SourceDefinition source) {
        String name = source.id().matches("[A-Za-z0-9._-]{1,100}") && !source.id().startsWith(".")
                ? source.id() : org.markguard.api.Listing.sha256Hex(source.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return dataDir.resolve(name);
    }

    private String interruptedCrawlId(SourceDefinition source) {
        Path idFile = storageOf(source).resolve(CrawlRun.CRAWL_ID);
        try {
            return java.nio.file.Files.isRegularFile(idFile) ? java.nio.file.Files.readString(idFile).strip() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Resumes, by themselves, the crawls a kill or shutdown interrupted, once their source is configured. */
    synchronized void resumeInterruptedCrawls() {
        try {
            for (SourceDefinition s : sources.list()) {
                String id = interruptedCrawlId(s);
                if (id != null && !isRunning(s.id())) {
                    org.slf4j.LoggerFactory.getLogger(CrawlManager.class).info("Resuming crawl {} of {}", id, s.id());
                    launch(s, id, true);
                }
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(CrawlManager.class).warn("Interrupted crawls not resumed: {}", e.toString());
        }
    }

    private CrawlStatus launch(SourceDefinition source, String id, boolean resume) {
        String sourceId = source.id();
        lastStart.put(sourceId, java.time.Instant.now());
        CrawlProgress progress = new CrawlProgress(id, sourceId);
        java.util.Map<String, String> secretHeaders = CrawlRun.requestHeaders(source);
        RenderStep render = source.render()
                ? new RenderStep(() -> renderer, source.renderBudget(), secretHeaders,
                java.time.Duration.ofMillis(source.renderTimeoutMs()))
                : RenderStep.off();
        CrawlRun run = new CrawlRun(source, storageOf(source), handler, new PageCapture(() -> captureStore,
                source.userAgent() == null ? CrawlRun.USER_AGENT : source.userAgent(), secretHeaders), render, progress);
        if (resume) {
            run.resumeFromStorage();
        }
        run.photos(() -> imageInspector, photoSettings);
        run.revisit(() -> {
            try {
                return KnownListings.urls(store, source);
            } catch (org.markguard.api.StoreException e) {
                progress.error(source.id(), "known listings not revisited: " + e.getMessage());
                return List.of();
            }
        });
        crawls.put(id, progress);
        running.put(id, run);
        executor.execute(() -> {
            try {
                run.run();
            } finally {
                running.remove(id);
            }
        });
        return progress.status();
    }

    @Override
    public Optional<CrawlStatus> status(String crawlId) {
        return Optional.ofNullable(crawls.get(crawlId)).map(CrawlProgress::status);
    }

    @Override
    public List<CrawlStatus> list() {
        return new ArrayList<>(crawls.values().stream().map(CrawlProgress::status).toList());
    }

    @Override
    public List<CrawlFailure> failures(String crawlId) {
        CrawlProgress p = crawls.get(crawlId);
        return p == null ? List.of() : p.failures();
    }

    @Override
    public Optional<CrawlStatus> stop(String crawlId) {
        CrawlRun run = running.get(crawlId);
        if (run != null) {
            run.stop();
        }
        return status(crawlId);
    }

    @Override
    public Optional<CrawlStatus> pause(String crawlId) {
        return holdOrRelease(crawlId, true);
    }

    @Override
    public Optional<CrawlStatus> resume(String crawlId) {
        return holdOrRelease(crawlId, false);
    }

    private Optional<CrawlStatus> holdOrRelease(String crawlId, boolean pause) {
        CrawlProgress progress = crawls.get(crawlId);
        if (progress == null) {
            return Optional.empty();
        }
        CrawlRun run = running.get(crawlId);
        boolean changed = run != null && (pause ? run.pause() : run.resume());
        if (!changed) {
            throw new IllegalStateException("crawl '" + crawlId + "' is " + progress.status().state()
                    + (pause ? ", not RUNNING: it cannot be paused" : ", not PAUSED: it cannot be resumed"));
        }
        return status(crawlId);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        scheduler.shutdownNow();
        running.values().forEach(CrawlRun::stopForRestart);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
