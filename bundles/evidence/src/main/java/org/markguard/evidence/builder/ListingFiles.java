package org.markguard.evidence.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.markguard.api.CaptureStore;
import org.markguard.api.HttpExchange;
import org.markguard.api.PageRenderer;
import org.markguard.api.Review;
import org.markguard.api.ReviewService;
import org.markguard.api.StoreException;
import org.markguard.evidence.PacketWriter;

/**
 * Writes one listing's files into the packet, each streamed and hashed on the way: listing.json,
 * reviews.json, its raw capture copied record for record, optionally a recapture made now, and a
 * screenshot rendered offline from a capture. A capture, recapture or screenshot that cannot be had
 * is noted (packet.json and the custody log say why), never fatal; failing to write the packet is.
 */
final class ListingFiles {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Writes a file's bytes to the stream given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final PacketWriter packet;
    private final CustodyLog log;
    private final ReviewService reviews;
    private final CaptureStore captures;
    private final Supplier<PageRenderer> renderer;
    private final Recapturer recapturer;
    private final Duration screenshotTimeout;
    private final Path workDirectory;

    /** @param recapturer null when the request does not ask for recaptures */
    ListingFiles(PacketWriter packet, CustodyLog log, ReviewService reviews, CaptureStore captures,
                 Supplier<PageRenderer> renderer, Recapturer recapturer, Duration screenshotTimeout,
                 Path workDirectory) {
        this.packet = packet;
        this.log = log;
        this.reviews = reviews;
        this.captures = captures;
        this.renderer = renderer;
        this.recapturer = recapturer;
        this.screenshotTimeout = screenshotTimeout;
        this.workDirectory = workDirectory;
    }

    void add(ListingEntry entry) throws IOException, StoreException {
        List<Review> history = reviews.reviews(entry.id());
        entry.reviewCount = history.size();
        entry.latestDecision = history.stream().filter(r -> r.decision().decides()).reduce((a, b) -> b).orElse(null);
        put(entry, ListingEntry.LISTING, "listing.json", out -> ListingJson.writeListing(entry.assessed, out));
        put(entry, ListingEntry.REVIEWS, "reviews.json", out -> ListingJson.writeReviews(history, out));
        log.add("listing.exported", "listingId", entry.id(), "url", entry.assessed.listing().url(),
                "listingSha256", entry.sha256(ListingEntry.LISTING), "reviews", history.size(),
                "reviewsSha256", entry.sha256(ListingEntry.REVIEWS));

        HttpExchange captured = copyCapture(entry);
        HttpExchange recaptured = recapturer == null ? null : recapture(entry);
        if (captured != null) {
            screenshot(entry, captured, ListingEntry.CAPTURE);
        } else {
            screenshot(entry, recaptured, ListingEntry.RECAPTURE);
        }
    }

    /** The listing's capture copied into the packet; returns what it holds (for the screenshot), or null. */
    private HttpExchange copyCapture(ListingEntry entry) throws IOException {
        String ref = entry.assessed.listing().captureRef();
        if (ref == null || ref.isBlank()) {
            missing(entry, ListingEntry.CAPTURE, null, "noReference", "capture not available: the listing has no"
                    + " capture reference (no raw capture was kept when it was crawled)", "");
            return null;
        }
        HttpExchange exchange;
        Path copy;
        try {
            Optional<HttpExchange> read = captures.read(ref);
            copy = read.isEmpty() ? null : copyToTemporary(ref);
            if (copy == null) {
                missing(entry, ListingEntry.CAPTURE, ref, "notFound", "capture not available: capture " + ref
                        + " is not in the capture store", "");
                return null;
            }
            exchange = read.get();
        } catch (IOException e) {
            missing(entry, ListingEntry.CAPTURE, ref, "unreadable", "capture not available: " + e.getMessage(),
                    e.getMessage());
            return null;
        }
        ListingEntry.FileRecord file = putFile(entry, ListingEntry.CAPTURE, "capture.warc.gz", copy);
        entry.captureFetchTime = exchange.fetchTime();
        entry.captureIp = exchange.remoteAddress();
        log.add("capture.copied", "listingId", entry.id(), "captureRef", ref, "path", file.path(),
                "sha256", file.sha256(), "bytes", file.bytes(), "url", exchange.url(), "status", exchange.statusCode(),
                "fetchTime", exchange.fetchTime().toString(), "ip", exchange.remoteAddress());
        return exchange;
    }

    private HttpExchange recapture(ListingEntry entry) throws IOException {
        String url = entry.assessed.listing().url();
        HttpExchange exchange;
        String ref;
        Path copy;
        try {
            exchange = recapturer.fetch(url);
        } catch (IOException e) {
            return recaptureFailed(entry, url, url + " did not answer: " + e.getMessage());
        }
        try {
            ref = captures.store(exchange);
            copy = copyToTemporary(ref);
        } catch (IOException e) {
            return recaptureFailed(entry, url, "the capture store did not keep it: " + e.getMessage());
        }
        if (copy == null) {
            return recaptureFailed(entry, url, "the capture store lost capture " + ref);
        }
        ListingEntry.FileRecord file = putFile(entry, ListingEntry.RECAPTURE, "recapture.warc.gz", copy);
        entry.recaptureStatus = exchange.statusCode();
        entry.recaptureTime = exchange.fetchTime();
        if (exchange.statusCode() != 200) {
            entry.notes.add("recapture: the page answered HTTP " + exchange.statusCode() + " at "
                    + exchange.fetchTime() + (exchange.statusCode() == 404 || exchange.statusCode() == 410
                    ? " (it may have been removed)" : ""));
        }
        log.add("recapture.stored", "listingId", entry.id(), "url", url, "captureRef", ref, "path", file.path(),
                "sha256", file.sha256(), "bytes", file.bytes(), "status", exchange.statusCode(),
                "fetchTime", exchange.fetchTime().toString());
        return exchange;
    }

    private HttpExchange recaptureFailed(ListingEntry entry, String url, String cause) throws IOException {
        String reason = "not recaptured: " + cause;
        entry.missing.put(ListingEntry.RECAPTURE, new ListingEntry.Missing("failed", reason, cause));
        log.add("recapture.failed", "listingId", entry.id(), "url", url, "reason", reason);
        return null;
    }

    /**
     * Copies a capture's WARC records to a temporary file first, so that a copy failing halfway
     * leaves no trace in the packet; null when the store does not know the reference.
     */
    private Path copyToTemporary(String ref) throws IOException {
        Path temporary = Files.createTempFile(workDirectory, "capture-", ".warc.gz");
        boolean copied = false;
        try (OutputStream out = Files.newOutputStream(temporary)) {
            copied = captures.copyRecords(ref, out);
            return copied ? temporary : null;
        } catch (UnsupportedOperationException e) {
            throw new IOException("the capture store cannot copy raw records (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException("capture " + ref + " cannot be copied: " + e.getMessage(), e);
        } finally {
            if (!copied) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private ListingEntry.FileRecord putFile(ListingEntry entry, String name, String fileName, Path file)
            throws IOException {
        try {
            put(entry, name, fileName, out -> Files.copy(file, out));
        } finally {
            Files.deleteIfExists(file);
        }
        return entry.files.get(name);
    }

    private void screenshot(ListingEntry entry, HttpExchange source, String sourceName) throws IOException {
        PageRenderer pageRenderer = renderer.get();
        if (pageRenderer == null) {
            missing(entry, ListingEntry.SCREENSHOT, null, "noRenderer", "screenshot not available: no renderer"
                    + " (the markguard-render feature is not installed or not running)", "");
            return;
        }
        if (source == null) {
            missing(entry, ListingEntry.SCREENSHOT, null, "noSource",
                    "screenshot not available: there is no capture of the page to render it from", "");
            return;
        }
        if (!isHtml(source)) {
            String type = header(source, "Content-Type").orElse("none");
            missing(entry, ListingEntry.SCREENSHOT, null, "notHtml", "screenshot not available: the " + sourceName
                    + " is not an HTML page (Content-Type: " + type + ")", "Content-Type: " + type);
            return;
        }
        byte[] png;
        try {
            png = pageRenderer.screenshot(source.body(), entry.assessed.listing().url(), screenshotTimeout);
        } catch (IOException | RuntimeException e) {
            missing(entry, ListingEntry.SCREENSHOT, null, "failed", "screenshot not available: rendering failed: "
                    + e.getMessage(), String.valueOf(e.getMessage()));
            return;
        }
        if (png == null || png.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            missing(entry, ListingEntry.SCREENSHOT, null, "failed",
                    "screenshot not available: the renderer returned no PNG image", "not a PNG image");
            return;
        }
        entry.screenshotFile = Files.write(workDirectory.resolve(entry.number + "-screenshot.png"), png);
        entry.screenshotSource = sourceName;
        put(entry, ListingEntry.SCREENSHOT, "screenshot.png", out -> out.write(png));
        ListingEntry.FileRecord file = entry.files.get(ListingEntry.SCREENSHOT);
        log.add("screenshot.rendered", "listingId", entry.id(), "from", sourceName, "path", file.path(),
                "sha256", file.sha256(), "bytes", file.bytes(), "offline", true);
    }

    private void missing(ListingEntry entry, String name, String ref, String code, String reason, String detail)
            throws IOException {
        entry.missing.put(name, new ListingEntry.Missing(code, reason, detail));
        if (name.equals(ListingEntry.CAPTURE)) {
            log.add("capture.missing", "listingId", entry.id(), "captureRef", ref, "reason", reason);
        } else {
            log.add(name + ".missing", "listingId", entry.id(), "reason", reason);
        }
    }

    /** Streams one payload file of the listing's folder, recording its path and hash. */
    private void put(ListingEntry entry, String name, String fileName, Content content) throws IOException {
        String path = entry.folder() + fileName;
        Sha256Stream hashed;
        try (OutputStream payload = packet.payload(path)) {
            hashed = new Sha256Stream(payload);
            content.writeTo(hashed);
        }
        entry.files.put(name, new ListingEntry.FileRecord("data/" + path, hashed.hex(), hashed.count()));
    }

    static boolean isHtml(HttpExchange exchange) {
        Optional<String> type = header(exchange, "Content-Type");
        if (type.isPresent()) {
            String t = type.get().toLowerCase(Locale.ROOT);
            return t.contains("html");
        }
        byte[] body = exchange.body();
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return exchange.responseHeaders().stream().filter(h -> h.name().equalsIgnoreCase(name))
                .map(HttpExchange.Header::value).findFirst();
    }
}
