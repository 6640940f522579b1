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
}
