package org.markguard.crawl;

import java.time.Instant;
import java.util.List;
import org.markguard.api.AssessedListing;
import org.markguard.api.DetectionService;
import org.markguard.api.Extractor;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.api.ListingStore;
import org.markguard.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One fetched page through the rest of the pipeline: extract, assess, store. */
final class PageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);

    private final Extractor extractor;
    private final DetectionService detection;
    private final ListingStore store;

    PageHandler(Extractor extractor, DetectionService detection, ListingStore store) {
        this.extractor = extractor;
        this.detection = detection;
        this.store = store;
    }

    /**
     * Handles one page and counts the outcome on the crawl; never throws.
     *
     * @param captureRef the raw capture of the page, or null when none was written
     */
    void handle(FetchedPage page, String captureRef, CrawlProgress progress) {
        handle(page, captureRef, ListingPhotos.none(), progress);
    }

    /** As {@link #handle(FetchedPage, String, CrawlProgress)}, with the photos of each listing read first. */
    void handle(FetchedPage page, String captureRef, ListingPhotos photos, CrawlProgress progress) {
        progress.pageFetched();
        List<Listing> listings;
        try {
            listings = extractor.extractAll(page);
        } catch (RuntimeException e) {
            progress.error(page.url(), "extraction failed: " + e);
            return;
        }
        for (Listing listing : listings) {
            Listing captured = captureRef == null ? listing : listing.withCaptureRef(captureRef);
            handle(photos.attach(captured), page.url(), progress);
        }
    }

    private void handle(Listing listing, String pageUrl, CrawlProgress progress) {
        AssessedListing assessed;
        try {
            assessed = detection.assess(listing);
        } catch (RuntimeException e) {
            progress.error(pageUrl, "detection failed: " + e);
            return;
        }
        try {
            store.store(assessed);
            progress.listingIndexed(assessed.flagged());
        } catch (StoreException | RuntimeException e) {
            LOG.warn("Listing {} not stored: {}", listing.url(), e.getMessage());
            progress.error(pageUrl, "store failed: " + e.getMessage());
        }
    }

    /** A page that answered 404 or 410: the listing it held, if stored, is marked gone. */
    void gone(String url, CrawlProgress progress) {
        try {
            store.markGone(Listing.idFor(url), Instant.now());
        } catch (StoreException | RuntimeException e) {
            progress.error(url, "could not mark gone: " + e.getMessage());
        }
    }
}
