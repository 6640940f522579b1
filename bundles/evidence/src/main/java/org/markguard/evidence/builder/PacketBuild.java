package org.markguard.evidence.builder;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.markguard.api.AssessedListing;
import org.markguard.api.AuditTrail;
import org.markguard.api.CaptureStore;
import org.markguard.api.EvidenceRequest;
import org.markguard.api.ListingStore;
import org.markguard.api.PageRenderer;
import org.markguard.api.ReviewService;
import org.markguard.api.StoreException;
import org.markguard.evidence.EvidenceKeys;
import org.markguard.evidence.PacketWriter;
import org.markguard.pdf.PdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one packet on an executor thread: resolves the listings, streams each one's files into the
 * packet, writes the reports, packet.json and the custody log, seals it, and only then renames
 * {@code <id>.zip.part} to {@code <id>.zip} and records READY. Any failure deletes the partial zip
 * and records FAILED with the reason. Layout: docs/evidence.md.
 */
final class PacketBuild implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PacketBuild.class);

    /** The services a build reads from. */
    record Sources(ListingStore store, ReviewService reviews, CaptureStore captures, AuditTrail audit,
                   Supplier<PageRenderer> renderer) {
    }

    private final EvidenceRequest request;
    private final PacketProgress progress;
    private final Sources sources;
    private final BuilderSettings settings;
    private final EvidenceKeys keys;
    private final PacketFiles files;
    private final PdfWriter pdf;
    private final Clock clock;
    private final BooleanSupplier stopping;

    PacketBuild(EvidenceRequest request, PacketProgress progress, Sources sources, BuilderSettings settings,
                EvidenceKeys keys, PacketFiles files, PdfWriter pdf, Clock clock, BooleanSupplier stopping) {
        this.request = request;
        this.progress = progress;
        this.sources = sources;
        this.settings = settings;
        this.keys = keys;
        this.files = files;
        this.pdf = pdf;
        this.clock = clock;
        this.stopping = stopping;
    }

    @Override
    public void run() {
        String id = progress.id();
        String user = progress.snapshot().requestedBy();
        Path work = null;
        try {
            work = files.newWorkDirectory(id);
            build(work);
            saveStatus();
            audit(user, "export.ready", id, progress.snapshot().total() + " listings, zip sha256 "
                    + progress.snapshot().sha256());
        } catch (Exception | Error e) { // whatever happens, the packet must not stay RUNNING
            String why = reason(e);
            LOG.warn("Evidence packet {} failed: {}", id, why, e instanceof PacketException ? null : e);
            // the work folder goes before FAILED is visible: whoever sees FAILED sees nothing left over
            removeWorkFolder(id, work);
            work = null;
            progress.failed(why);
            deleteQuietly(files.partialZip(id));
            deleteQuietly(files.custodyLog(id));
            saveStatus();
            audit(user, "export.failed", id, progress.snapshot().total() + " listings: " + why);
        } finally {
            removeWorkFolder(id, work);
        }
    }

    private static void removeWorkFolder(String id, Path work) {
        if (work != null) {
            try {
                PacketFiles.deleteTree(work);
            } catch (IOException e) {
                LOG.warn("Evidence packet {}: work folder {} not removed: {}", id, work, e.toString());
            }
        }
    }

    private void build(Path work) throws Exception {
        String id = progress.id();
        Path logFile = work.resolve("chain-of-custody.jsonl");
        try (CustodyLog log = new CustodyLog(logFile, clock)) {
            String scope = ListingResolver.describe(request);
            log.add("requested", "packetId", id, "user", progress.snapshot().requestedBy(), "scope", scope,
                    "request", request, "note", request.note());
            progress.step("resolving listings");
            List<AssessedListing> listings = new ListingResolver(sources.store()).resolve(request);
            progress.total(listings.size());
            log.add("resolved", "listings", listings.size(),
                    "listingIds", listings.stream().map(a -> a.listing().id()).toList());
            PacketFacts facts = new PacketFacts(id, progress.snapshot().requestedBy(), progress.startedAt(),
                    settings.sourceOrganization(), request, scope, listings.size(), request.recapture(), request.note(),
                    keys.fingerprint(), settings.timestampUrl());

            Path partial = files.partialZip(id);
            List<ListingEntry> entries = new ArrayList<>();
            Notes notes = new Notes();
            Written written = writeZip(partial, work, log, facts, listings, entries, notes);
            Sealing.Result sealed = Sealing.readBack(partial, id, written.timeStampFailure());
            logSealing(log, sealed, written.zipHash());
            if (written.timeStampFailure() != null) {
                notes.add("not time-stamped: " + written.timeStampFailure());
            }
            stopIfAsked();
            log.close();
            // on disk before the packet is called READY: it is evidence
            PacketFiles.forceToDisk(partial);
            PacketFiles.forceToDisk(logFile);
            PacketFiles.moveReplacing(logFile, files.custodyLog(id));
            PacketFiles.moveReplacing(partial, files.zip(id));
            notes.summarise(entries);
            progress.ready(written.zipHash().count(), written.zipHash().hex(), notes.text());
        }
    }

    /** The zip as written: its hash and size, and why it has no time-stamp token when the authority failed. */
    private record Written(Sha256Stream zipHash, String timeStampFailure) {
    }

    /** Streams every file into the zip, then seals it. */
    private Written writeZip(Path partial, Path work, CustodyLog log, PacketFacts facts, List<AssessedListing> listings,
                             List<ListingEntry> entries, Notes notes) throws Exception {
        try (OutputStream file = Files.newOutputStream(partial);
             OutputStream buffered = new BufferedOutputStream(file, 1 << 16)) {
            Sha256Stream zipHash = new Sha256Stream(buffered);
            PacketWriter packet = new PacketWriter(zipHash, facts.id(), bagInfo(facts));
            ListingFiles listingFiles = new ListingFiles(packet, log, sources.reviews(), sources.captures(),
                    sources.renderer(), request.recapture() ? new Recapturer(settings.recaptureTimeout()) : null,
                    settings.screenshotTimeout(), work);
            progress.step("adding listings");
            for (AssessedListing listing : listings) {
                stopIfAsked();
                ListingEntry entry = new ListingEntry(entries.size() + 1, listing);
                listingFiles.add(entry);
                entries.add(entry);
                progress.listingDone();
            }
            progress.step("writing reports");
            List<String> reports = writeReports(packet, log, facts, entries, notes);
            addSummary(packet, log, facts, entries, reports);
            log.add("sealing", "payloadFiles", packet.payloadCount() + 1, "keyFingerprint", keys.fingerprint(),
                    "signatureAlgorithm", "Ed25519",
                    "timestampAuthority", settings.timestampUrl().isEmpty() ? null : settings.timestampUrl());
            packet.addPayload("chain-of-custody.jsonl", log.flushed());
            progress.step("sealing");
            String timeStampFailure = Sealing.seal(packet, keys, settings.timeStamper());
            buffered.flush();
            return new Written(zipHash, timeStampFailure);
        }
    }

    private List<String> writeReports(PacketWriter packet, CustodyLog log, PacketFacts facts,
                                      List<ListingEntry> entries, Notes notes) throws IOException, PacketException {
        Map<Integer, byte[]> screenshots = loadScreenshots(entries, notes);
        EvidenceReport report = new EvidenceReport(facts, entries, screenshots);
        List<String> languages = new ArrayList<>(List.of("vi"));
        if (request.languages().contains("en")) {
            languages.add("en");
        }
        List<String> paths = new ArrayList<>();
        for (String language : languages) {
            stopIfAsked();
            String path = "report-" + language + ".pdf";
            Sha256Stream hashed;
            try (OutputStream payload = packet.payload(path)) {
                hashed = new Sha256Stream(payload);
                pdf.write(report.document(language), hashed);
            }
            paths.add("data/" + path);
            log.add("report.written", "language", language, "path", "data/" + path, "sha256", hashed.hex(),
                    "bytes", hashed.count(), "screenshotsPrinted", screenshots.size());
        }
        return paths;
    }

    /**
     * The screenshots the reports print: the PDF writer takes every image's bytes at once, so they are
     * read from their temporary files only now, and only up to the configured budget.
     */
    private Map<Integer, byte[]> loadScreenshots(List<ListingEntry> entries, Notes notes) throws IOException {
        Map<Integer, byte[]> screenshots = new HashMap<>();
        long budget = settings.reportImageBytes();
        int skipped = 0;
        for (ListingEntry e : entries) {
            if (e.screenshotFile == null) {
                continue;
            }
            long size = Files.size(e.screenshotFile);
            if (size <= budget) {
                screenshots.put(e.number, Files.readAllBytes(e.screenshotFile));
                budget -= size;
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            notes.add(skipped + " screenshots not printed in the reports (report image budget of "
                    + settings.reportImageBytes() / (1024 * 1024) + " MB used up); they are in the packet");
        }
        return screenshots;
    }

    private void addSummary(PacketWriter packet, CustodyLog log, PacketFacts facts, List<ListingEntry> entries,
                            List<String> reports) throws IOException {
        Sha256Stream hashed;
        try (OutputStream payload = packet.payload("packet.json")) {
            hashed = new Sha256Stream(payload);
            PacketSummary.write(facts, entries, reports, hashed);
        }
        log.add("summary.written", "path", "data/packet.json", "sha256", hashed.hex(), "bytes", hashed.count());
    }

    /** The events a packet cannot hold about itself: kept in {@code <id>.custody.jsonl} beside it. */
    private void logSealing(CustodyLog log, Sealing.Result sealed, Sha256Stream zipHash) throws IOException {
        log.add("sealed", "tagManifest", "tagmanifest-sha512.txt", "tagManifestSha512", sealed.tagManifestSha512());
        log.add("signed", "signatureAlgorithm", "Ed25519", "keyFingerprint", keys.fingerprint(),
                "signatureFile", "markguard-evidence.sig");
        if (sealed.timeStamped()) {
            log.add("time-stamped", "authority", settings.timestampUrl(), "genTime", sealed.timeStampTime().toString(),
                    "tokenFile", "markguard-evidence.tsr");
        } else if (sealed.timeStampFailure() != null) {
            log.add("time-stamp.failed", "authority", settings.timestampUrl(), "reason", sealed.timeStampFailure());
        }
        log.add("zip.written", "file", progress.id() + ".zip", "sha256", zipHash.hex(), "bytes", zipHash.count());
    }

    private Map<String, String> bagInfo(PacketFacts facts) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Source-Organization", oneLine(facts.sourceOrganization()));
        fields.put("Contact-Name", oneLine(facts.requestedBy()));
        fields.put("External-Description", oneLine("markguard evidence packet: " + facts.scope() + "; "
                + facts.listingCount() + (facts.listingCount() == 1 ? " listing" : " listings")
                + " with raw captures, screenshots, findings, reviews, PDF report and chain-of-custody log"));
        if (request.sellerKey() != null && !request.sellerKey().isBlank()) {
            // packets about one seller account form a group an officer may file together
            fields.put("Bag-Group-Identifier", oneLine(request.sellerKey().strip()));
        }
        return fields;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}]+", " ").strip();
    }

    private void stopIfAsked() throws PacketException {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new PacketException("stopped: the evidence service was stopped while the packet was built");
        }
    }

    private void saveStatus() {
        try {
            files.saveStatus(progress.snapshot());
        } catch (IOException e) {
            LOG.error("Evidence packet {}: status file not written, the packet is not listed after a restart: {}",
                    progress.id(), e.toString());
        }
    }

    private void audit(String user, String action, String id, String detail) {
        try {
            sources.audit().record(user, action, id, detail);
        } catch (RuntimeException e) {
            LOG.error("Evidence packet {}: audit entry {} not written: {}", id, action, e.toString());
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof PacketException) {
            return e.getMessage();
        }
        if (e instanceof StoreException) {
            return "the listing store failed: " + e.getMessage();
        }
        if (e instanceof IOException) {
            return "writing the packet failed: " + e.getMessage();
        }
        return "the packet could not be built: " + e;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("{} not deleted: {}", file, e.toString());
        }
    }
}
