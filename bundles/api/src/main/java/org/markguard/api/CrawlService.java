package org.markguard.api;

import java.util.List;
import java.util.Optional;

/** Starts crawls of sources and reports their progress. Implemented by the crawl bundle. */
public interface CrawlService {

    /**
     * Starts a crawl of a source in the background.
     *
     * @throws IllegalArgumentException when the source does not exist
     * @throws IllegalStateException when that source is already being crawled
     */
    CrawlStatus start(String sourceId);

    Optional<CrawlStatus> status(String crawlId);

    List<CrawlStatus> list();

    /** The most recent failures of a crawl (bounded), oldest first; empty for an unknown crawl. */
    List<CrawlFailure> failures(String crawlId);

    /**
     * Stops a running crawl; what was fetched stays stored.
     *
     * @return the status after stopping, empty for an unknown crawl
     */
    Optional<CrawlStatus> stop(String crawlId);

    /**
     * Holds a running crawl: no page or photo is fetched until {@link #resume}; pages already
     * fetched are still processed. An implementation without pausing keeps this default.
     *
     * @return the status after pausing, empty for an unknown crawl
     * @throws IllegalStateException when the crawl is not running
     * @throws UnsupportedOperationException when this implementation cannot pause
     */
    default Optional<CrawlStatus> pause(String crawlId) {
        throw new UnsupportedOperationException("this crawl service cannot pause crawls");
    }

    /**
     * Lets a paused crawl fetch again from where it was held.
     *
     * @return the status after resuming, empty for an unknown crawl
     * @throws IllegalStateException when the crawl is not paused
     * @throws UnsupportedOperationException when this implementation cannot pause
     */
    default Optional<CrawlStatus> resume(String crawlId) {
        throw new UnsupportedOperationException("this crawl service cannot resume crawls");
    }
}
