package org.markguard.detect.runtime;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.markguard.api.AssessedListing;
import org.markguard.api.Brand;
import org.markguard.api.DetectionContext;
import org.markguard.api.DetectionService;
import org.markguard.api.Detector;
import org.markguard.api.DetectorInfo;
import org.markguard.api.Finding;
import org.markguard.api.Indication;
import org.markguard.api.Listing;
import org.markguard.api.Registries;
import org.markguard.api.RegistryException;
import org.markguard.api.RegistryService;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The detection runtime: runs every registered {@link Detector} on a listing and holds the registries
 * they read. One component provides both services because the registries are the detectors' context.
 *
 * <p>Detectors are a whiteboard: they come and go with their bundles. Each runs on a bounded pool
 * within {@code timeBudgetMs} (see {@link DetectorExecutor}); one that throws, overruns or returns null
 * contributes no findings for that listing, and exceptions and overruns are counted against it. The
 * listing risk is the noisy-OR of its findings' scores, {@code 1 − Π(1 − score_i)} (see {@link NoisyOr}).
 *
 * <p>Registries are read from {@code registryDir} at activation (a missing or invalid file gives an
 * empty registry and a log entry, never a failed start) and replaced only by a fully valid upload,
 * written to disk atomically before it takes effect.
 */
@Component(service = {DetectionService.class, RegistryService.class}, configurationPid = RuntimeConfig.PID)
@Designate(ocd = RuntimeConfig.class)
public class DetectionRuntime implements DetectionService, RegistryService {
    private static final System.Logger LOG = System.getLogger(DetectionRuntime.class.getName());
    private static final Comparator<Finding> STRONGEST_FIRST = Comparator.comparingDouble(Finding::score)
            .reversed().thenComparing(Finding::detectorId).thenComparing(Finding::subject);

    private final Map<String, DetectorEntry> detectors = new ConcurrentHashMap<>();
    private final AtomicReference<Registries> registries = new AtomicReference<>(Registries.EMPTY);
    private final Object registryWrites = new Object();
    private volatile Path registryDir = RegistryFiles.FALLBACK_DIR;
    private volatile DetectorExecutor executor;

    @Activate
    void activate(RuntimeConfig config) {
        start(RegistryFiles.resolveDir(config.registryDir(), System.getProperty(RegistryFiles.KARAF_ETC)),
                config.timeBudgetMs());
    }

    @Modified
    void modified(RuntimeConfig config) {
        Path dir = RegistryFiles.resolveDir(config.registryDir(), System.getProperty(RegistryFiles.KARAF_ETC));
        DetectorExecutor old = executor;
        if (!dir.equals(registryDir)) {
            loadRegistries(dir);
        }
        if (old == null || old.budgetMs() != config.timeBudgetMs()) {
            executor = new DetectorExecutor(config.timeBudgetMs(), DetectorExecutor.defaultThreads());
            if (old != null) {
                old.shutdown(false); // listings being assessed right now finish on the old pool
            }
        }
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    /** Starts without OSGi: loads the registries from {@code dir} and opens the pool. Tests use it. */
    void start(Path dir, long timeBudgetMs) {
        loadRegistries(dir);
        executor = new DetectorExecutor(timeBudgetMs, DetectorExecutor.defaultThreads());
        LOG.log(Level.INFO, "detection runtime started: registry {0}, {1} brands, {2} indications, budget {3} ms",
                dir.toAbsolutePath(), current().brands().size(), current().indications().size(), timeBudgetMs);
    }

    void stop() {
        DetectorExecutor old = executor;
        executor = null;
        if (old != null) {
            old.shutdown(true);
        }
    }

    // ---- detector whiteboard ----

    @Reference(service = Detector.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unbindDetector")
    void bindDetector(Detector detector, ServiceReference<Detector> reference) {
        Bundle bundle = reference.getBundle();
        addDetector(detector, bundle == null ? null : bundle.getSymbolicName());
    }

    void unbindDetector(Detector detector, ServiceReference<Detector> reference) {
        removeDetector(detector);
    }

    /** Registers a detector service provided by the named bundle. */
    void addDetector(Detector detector, String bundle) {
        String id;
        DetectorEntry.Provider provider;
        try {
            id = detector.id();
            provider = new DetectorEntry.Provider(detector, detector.version(), detector.name(), bundle);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "detector " + detector.getClass().getName() + " from " + bundle
                    + " cannot describe itself and is ignored", e);
            return;
        }
        if (id == null || id.isBlank()) {
            LOG.log(Level.ERROR, "detector {0} from {1} has no id and is ignored", detector.getClass().getName(),
                    bundle);
            return;
        }
        DetectorEntry entry = detectors.computeIfAbsent(id, DetectorEntry::new);
        entry.add(provider);
        if (entry.current() != detector) {
            LOG.log(Level.WARNING, "detector id {0} from {1} is already provided; it waits until the other leaves",
                    id, bundle);
        }
        LOG.log(Level.INFO, "detector {0} {1} from {2} is active", id, provider.version(), bundle);
    }

    /** Forgets a detector service; its entry and counters stay, INACTIVE when no other provides the id. */
    void removeDetector(Detector detector) {
        for (DetectorEntry entry : detectors.values()) {
            if (entry.remove(detector)) {
                LOG.log(Level.INFO, "detector {0} left ({1})", entry.id(),
                        entry.current() == null ? "now inactive" : "another service takes over");
                return;
            }
        }
    }

    // ---- DetectionService ----

    @Override
    public AssessedListing assess(Listing listing) {
        return assessAll(List.of(listing)).get(0);
    }

    /**
     * Assesses a page of listings at once (the backfill does): each as {@link #assess} would, with one
     * registry snapshot for the page and a few hand-offs to the detector pool instead of one per
     * listing and detector.
     */
    List<AssessedListing> assessAll(List<Listing> listings) {
        DetectorExecutor running = executor;
        if (running == null) {
            throw new IllegalStateException("the detection runtime is not active");
        }
        Registries snapshot = registries.get(); // one listing sees one registry, even during a replace
        List<DetectionContext> contexts = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            contexts.add(DetectionContext.forOneListing(snapshot));
        }
        List<DetectorEntry> entries = new ArrayList<>(detectors.values());
        entries.sort(Comparator.comparing(DetectorEntry::id));
        List<List<Finding>> found = running.runAll(entries, listings, contexts);
        List<AssessedListing> assessed = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            List<Finding> findings = found.get(i);
            findings.sort(STRONGEST_FIRST);
            assessed.add(new AssessedListing(listings.get(i), findings, NoisyOr.risk(findings)));
        }
        return assessed;
    }

    @Override
    public List<DetectorInfo> detectors() {
        return detectors.values().stream().sorted(Comparator.comparing(DetectorEntry::id))
                .map(DetectorEntry::info).toList();
    }

    // ---- RegistryService ----

    @Override
    public Registries current() {
        return registries.get();
    }

    @Override
    public int replaceBrands(byte[] json) throws RegistryException {
        List<Brand> brands = RegistryReader.brands(json);
        synchronized (registryWrites) {
            write(RegistryReader.BRANDS_FILE, json);
            registries.updateAndGet(old -> new Registries(brands, old.indications()));
        }
        LOG.log(Level.INFO, "brands registry replaced: {0} brands", brands.size());
        return brands.size();
    }

    @Override
    public int replaceIndications(byte[] json) throws RegistryException {
        List<Indication> indications = RegistryReader.indications(json);
        synchronized (registryWrites) {
            write(RegistryReader.INDICATIONS_FILE, json);
            registries.updateAndGet(old -> new Registries(old.brands(), indications));
        }
        LOG.log(Level.INFO, "indications registry replaced: {0} indications", indications.size());
        return indications.size();
    }

    Path registryDir() {
        return registryDir;
    }

    private void write(String fileName, byte[] json) throws RegistryException {
        try {
            RegistryFiles.writeAtomically(registryDir, fileName, json);
        } catch (IOException e) {
            throw new RegistryException("could not save " + fileName + " in " + registryDir + ": " + e, e);
        }
    }

    private void loadRegistries(Path dir) {
        synchronized (registryWrites) {
            registryDir = dir;
            List<Brand> brands = load(dir, RegistryReader.BRANDS_FILE, RegistryReader::brands);
            List<Indication> indications = load(dir, RegistryReader.INDICATIONS_FILE, RegistryReader::indications);
            registries.set(new Registries(brands, indications));
        }
    }

    private interface Parser<T> {
        List<T> parse(byte[] json) throws RegistryException;
    }

    /** One registry file, or an empty registry when it is missing or invalid: a bad file never stops the start. */
    private static <T> List<T> load(Path dir, String fileName, Parser<T> parser) {
        Path file = dir.resolve(fileName);
        try {
            return parser.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            LOG.log(Level.WARNING, "registry file {0} does not exist; starting with an empty registry",
                    file.toAbsolutePath());
        } catch (IOException e) {
            LOG.log(Level.ERROR, "registry file " + file.toAbsolutePath() + " cannot be read; empty registry", e);
        } catch (RegistryException e) {
            LOG.log(Level.ERROR, "registry file {0} is invalid; starting with an empty registry: {1}",
                    file.toAbsolutePath(), e.getMessage());
        }
        return List.of();
    }
}
