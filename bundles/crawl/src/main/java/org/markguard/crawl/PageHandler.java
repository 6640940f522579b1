package org.markguard.crawl;

import java.util.Optional;
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

    /** Handles one page and counts the outcome on the crawl; never throws. */
    void handle(FetchedPage page, CrawlProgress progress) {
        progress.pageFetched();
        Optional<Listing> listing;
        try {
            listing = extractor.extract(page);
        } catch (RuntimeException e) {
            progress.error(page.url(), "extraction failed: " + e);
            return;
        }
        if (listing.isEmpty()) {
            return;
        }
        AssessedListing assessed;
        try {
            assessed = detection.assess(listing.get());
        } catch (RuntimeException e) {
            progress.error(page.url(), "detection failed: " + e);
            return;
        }
        try {
            store.store(assessed);
            progress.listingIndexed(assessed.flagged());
        } catch (StoreException | RuntimeException e) {
            LOG.warn("Listing {} not stored: {}", page.url(), e.getMessage());
            progress.error(page.url(), "store failed: " + e.getMessage());
        }
    }
}
