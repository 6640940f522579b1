package org.markguard.evidence.builder;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.AssessedListing;
import org.markguard.api.Review;

/**
 * What the packet holds for one listing, filled in as its files are written, for packet.json and
 * the reports: each file's path and hash, why any file is missing, and where its screenshot waits
 * (a temporary file) until the reports are written.
 */
final class ListingEntry {
    static final String LISTING = "listing";
    static final String REVIEWS = "reviews";
    static final String CAPTURE = "capture";
    static final String RECAPTURE = "recapture";
    static final String SCREENSHOT = "screenshot";

    /** One payload file: its path under the bag (data/…), hex SHA-256 and size. */
    record FileRecord(String path, String sha256, long bytes) {
    }

    /**
     * Why a file is not in the packet.
     *
     * @param code what kind of reason (the reports word it in their language): noReference, notFound,
     *     unreadable, noRenderer, noSource, notHtml, failed
     * @param message the reason in full, as packet.json and the custody log give it
     * @param detail the technical cause (an exception's message), "" when none
     */
    record Missing(String code, String message, String detail) {
    }

    final int number;
    final AssessedListing assessed;
    final Map<String, FileRecord> files = new LinkedHashMap<>();
    final Map<String, Missing> missing = new LinkedHashMap<>();
    /** facts a reader should know about files that are there (e.g. the recapture answered 404) */
    final List<String> notes = new ArrayList<>();
    /** the last review that decided (confirmed, dismissed, escalated), null when none did */
    Review latestDecision;
    int reviewCount;
    Instant captureFetchTime;
    String captureIp;
    Integer recaptureStatus;
    Instant recaptureTime;
    /** which capture the screenshot was rendered from: "capture" or "recapture" */
    String screenshotSource;
    Path screenshotFile;

    ListingEntry(int number, AssessedListing assessed) {
        this.number = number;
        this.assessed = assessed;
    }

    String id() {
        return assessed.listing().id();
    }

    /** The payload folder of this listing, relative to data/. */
    String folder() {
        return "listings/" + id() + "/";
    }

    String sha256(String file) {
        FileRecord f = files.get(file);
        return f == null ? null : f.sha256();
    }
}
