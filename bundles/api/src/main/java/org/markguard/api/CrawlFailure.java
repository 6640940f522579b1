package org.markguard.api;

import java.time.Instant;

/**
 * A URL a crawl could not turn into a listing, and why.
 *
 * @param url the URL
 * @param reason what went wrong ("HTTP 500 Server Error", "larger than 5242880 bytes", "trap guard: …")
 * @param at when
 */
public record CrawlFailure(String url, String reason, Instant at) {
}
