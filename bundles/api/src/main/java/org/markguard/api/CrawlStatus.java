package org.markguard.api;

import java.time.Instant;

/**
 * Progress of one crawl.
 *
 * @param id crawl id
 * @param sourceId the source crawled
 * @param state current state
 * @param startedAt start time
 * @param finishedAt end time, null while running
 * @param pagesFetched pages fetched so far
 * @param listingsIndexed listings extracted, assessed and stored so far
 * @param errors pages that failed (fetch, extraction or store)
 * @param message why it failed or stopped, null otherwise
 * @param pagesQueued URLs waiting in the frontier
 * @param listingsFlagged stored listings with at least one finding
 * @param pagesPerSecond pages fetched per second since the start
 * @param lastPageAt when a page last finished its processing (stored, found to hold no listing, or
 *                   recorded as failed); null before the first. The crawl itself ends a few seconds
 *                   later: crawler4j waits that long to be sure no thread finds more work.
 */
public record CrawlStatus(String id, String sourceId, CrawlState state, Instant startedAt,
                          Instant finishedAt, long pagesFetched, long listingsIndexed, long errors,
                          String message, long pagesQueued, long listingsFlagged, double pagesPerSecond,
                          Instant lastPageAt) {
}
