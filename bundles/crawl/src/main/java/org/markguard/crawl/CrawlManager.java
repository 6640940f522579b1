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
@Component(service = CrawlService.class)
public class CrawlManager implements CrawlService {
    private final SourceService sources;
    private final PageHandler handler;
    private final Path dataDir;
    private volatile CaptureStore captureStore;
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

    @Activate
    public CrawlManager(@Reference SourceService sources, @Reference Extractor extractor,
                        @Reference DetectionService detection, @Reference ListingStore store) {
        this(sources, new PageHandler(extractor, detection, store),
                Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "markguard", "crawls"));
    }

    CrawlManager(SourceService sources, PageHandler handler, Path dataDir) {
        this.sources = sources;
        this.handler = handler;
        this.dataDir = dataDir;
    }

    @Override
    public synchronized CrawlStatus start(String sourceId) {
        SourceDefinition source = sources.get(sourceId)
                .orElseThrow(() -> new IllegalArgumentException("no source with id '" + sourceId + "'"));
        if (running.keySet().stream().map(crawls::get).anyMatch(p -> p.sourceId().equals(sourceId) && p.running())) {
            throw new IllegalStateException("source '" + sourceId + "' is already being crawled");
        }
        String id = UUID.randomUUID().toString();
        CrawlProgress progress = new CrawlProgress(id, sourceId);
        CrawlRun run = new CrawlRun(source, dataDir.resolve(id), handler,
                new PageCapture(() -> captureStore, CrawlRun.USER_AGENT), progress);
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

    @Deactivate
    void deactivate() throws InterruptedException {
        running.values().forEach(CrawlRun::stop);
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
