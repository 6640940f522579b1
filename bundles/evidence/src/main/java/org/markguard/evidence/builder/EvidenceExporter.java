package org.markguard.evidence.builder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.markguard.api.AuditTrail;
import org.markguard.api.CaptureStore;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.EvidenceService;
import org.markguard.api.EvidenceStatus;
import org.markguard.api.ListingStore;
import org.markguard.api.PageRenderer;
import org.markguard.api.ReviewService;
import org.markguard.evidence.EvidenceKeys;
import org.markguard.pdf.PdfFonts;
import org.markguard.pdf.PdfWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EvidenceService}: builds evidence packets in the background, at most {@code threads}
 * at a time, and keeps them in {@code directory} with a status file each, so READY packets are
 * listed again after a restart. The signing key is loaded, or created at first start, at
 * activation. Screenshots need a {@link PageRenderer}; without one, packets are built and say that
 * screenshots are not available. Packet layout: docs/evidence.md.
 */
@Component(service = EvidenceService.class, configurationPid = EvidenceExporter.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EvidenceConfig.class)
public class EvidenceExporter implements EvidenceService {
    static final String PID = "org.markguard.evidence";
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceExporter.class);
    private static final long STOP_WAIT_SECONDS = 30;

    private final ListingStore store;
    private final ReviewService reviews;
    private final CaptureStore captures;
    private final AuditTrail audit;
    private final BuilderSettings settings;
    private final Clock clock;
    private final EvidenceKeys keys;
    private final PacketFiles files;
    private final PdfWriter pdf;
    private final ExecutorService executor;
    private final Map<String, PacketProgress> packets = new ConcurrentHashMap<>();
    private volatile PageRenderer renderer;
    private volatile boolean stopping;

    @Activate
    public EvidenceExporter(@Reference(name = "listingStore") ListingStore store,
                            @Reference(name = "reviewService") ReviewService reviews,
                            @Reference(name = "captureStore") CaptureStore captures,
                            @Reference(name = "auditTrail") AuditTrail audit, EvidenceConfig config)
            throws IOException {
        this(store, reviews, captures, audit, BuilderSettings.of(config), Clock.systemUTC());
    }

    EvidenceExporter(ListingStore store, ReviewService reviews, CaptureStore captures, AuditTrail audit,
                     BuilderSettings settings, Clock clock) throws IOException {
        this.store = Objects.requireNonNull(store, "store");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.captures = Objects.requireNonNull(captures, "captures");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = settings;
        this.clock = clock;
        this.keys = EvidenceKeys.loadOrCreate(settings.keyDirectory());
        this.files = new PacketFiles(settings.directory());
        this.pdf = new PdfWriter(PdfFonts.dejaVuSans(), Clock.systemUTC());
        files.removeLeftovers();
        loadStatuses();
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "markguard-evidence-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LOG.info("Evidence packets in {} ({} at a time), signing key {} ({}), time-stamping {}", files.directory(),
                settings.threads(), settings.keyDirectory(), keys.fingerprint(),
                settings.timestampUrl().isEmpty() ? "off" : settings.timestampUrl());
    }

    /** Screenshots are made when a renderer is installed; packets are built without one. */
    @Reference(name = "pageRenderer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRenderer(PageRenderer renderer) {
        this.renderer = renderer;
    }

    void unsetRenderer(PageRenderer renderer) {
        if (this.renderer == renderer) {
            this.renderer = null;
        }
    }

    @Override
    public EvidenceStatus export(EvidenceRequest request, String user) {
        if (request == null) {
            throw new IllegalArgumentException("no request");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an export needs the user who asks for it");
        }
        if (request.sellerKey() != null && !request.sellerKey().isBlank()) {
            ListingResolver.sellerQuery(request.sellerKey().strip()); // a malformed key is the caller's error
        }
        if (stopping) {
            throw new IllegalStateException("the evidence service is stopping");
        }
        PacketProgress progress;
        synchronized (this) {
            Instant now = clock.instant();
            String id;
            do {
                id = files.newId(now);
            } while (packets.containsKey(id));
            progress = new PacketProgress(id, user.strip(), now);
            progress.step("queued");
            packets.put(id, progress);
        }
        try {
            files.saveStatus(progress.snapshot());
            audit.record(progress.snapshot().requestedBy(), "export.requested", progress.id(),
                    ListingResolver.describe(request) + (request.recapture() ? ", with recapture" : ""));
        } catch (IOException | RuntimeException e) {
            packets.remove(progress.id());
            try {
                Files.deleteIfExists(files.status(progress.id()));
            } catch (IOException ignored) {
                // the status file was never written, or the directory is gone
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("the packet status cannot be written in " + files.directory(), io);
            }
            throw (RuntimeException) e;
        }
        PacketBuild.Sources sources = new PacketBuild.Sources(store, reviews, captures, audit, () -> renderer);
        try {
            executor.execute(new PacketBuild(request, progress, sources, settings, keys, files, pdf, clock,
                    () -> stopping));
        } catch (RejectedExecutionException e) { // stopped between the check above and now
            progress.failed("stopped: the evidence service is stopping");
            saveQuietly(progress);
            throw new IllegalStateException("the evidence service is stopping", e);
        }
        return progress.snapshot();
    }

    @Override
    public Optional<EvidenceStatus> status(String id) {
        if (!PacketFiles.isId(id)) {
            return Optional.empty();
        }
        PacketProgress progress = packets.get(id);
        return progress != null ? Optional.of(progress.snapshot()) : files.readStatus(id);
    }

    @Override
    public List<EvidenceStatus> list() {
        Map<String, EvidenceStatus> all = new java.util.HashMap<>();
        try {
            files.readAllStatuses().forEach(s -> all.put(s.id(), s)); // packets another instance may have left
        } catch (IOException e) {
            LOG.warn("Evidence directory {} not listed: {}", files.directory(), e.toString());
        }
        packets.values().forEach(p -> all.put(p.id(), p.snapshot())); // memory is newer than disk
        return all.values().stream()
                .sorted(Comparator.comparing(EvidenceStatus::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(EvidenceStatus::id, Comparator.reverseOrder()))
                .toList();
    }

    @Override
    public Optional<Path> packet(String id) {
        return status(id).filter(s -> EvidenceStatus.READY.equals(s.state())).map(s -> files.zip(s.id()))
                .filter(Files::isRegularFile);
    }

    @Override
    public String publicKeyPem() {
        return keys.publicKeyPem();
    }

    /** The signing key's fingerprint, for logs and tests. */
    String keyFingerprint() {
        return keys.fingerprint();
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Evidence packets still being built after {} s; they are recorded as failed", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // queued packets never started, and builds that did not end in time
        for (PacketProgress p : packets.values()) {
            if (p.running()) {
                p.failed("stopped: the evidence service was stopped before the packet was finished");
                try {
                    Files.deleteIfExists(files.partialZip(p.id()));
                } catch (IOException e) {
                    LOG.warn("Evidence packet {}: {}", p.id(), e.toString());
                }
                saveQuietly(p);
                try {
                    audit.record(p.snapshot().requestedBy(), "export.failed", p.id(), p.snapshot().message());
                } catch (RuntimeException e) {
                    LOG.error("Evidence packet {}: audit entry export.failed not written: {}", p.id(), e.toString());
                }
            }
        }
    }

    private void saveQuietly(PacketProgress p) {
        try {
            files.saveStatus(p.snapshot());
        } catch (IOException e) {
            LOG.warn("Evidence packet {}: status file not written: {}", p.id(), e.toString());
        }
    }

    /** Status files of earlier runs; a packet still RUNNING in one was cut off by a stop. */
    private void loadStatuses() throws IOException {
        for (EvidenceStatus s : files.readAllStatuses()) {
            PacketProgress p = PacketProgress.of(s);
            boolean ready = EvidenceStatus.READY.equals(s.state());
            if (p.running() || (ready && !Files.isRegularFile(files.zip(s.id())))) {
                p.failed(p.running() ? "interrupted: the server stopped before the packet was finished"
                        : "the packet file " + files.zip(s.id()).getFileName() + " is gone");
                files.saveStatus(p.snapshot());
            }
            packets.put(s.id(), p);
        }
    }
}
