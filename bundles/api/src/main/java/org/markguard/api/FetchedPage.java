package org.markguard.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One page as received by the crawler, handed to the extractor.
 *
 * @param url the URL fetched (after redirects)
 * @param platform platform key of the source that fetched it
 * @param statusCode HTTP status
 * @param contentType the Content-Type header, may be null
 * @param body the exact bytes received
 * @param fetchTime when the response was received
 * @param referrer the page whose link led to this one (a shop page for its PDF price list), null
 *     when not known (a seed, a page recovered from its capture after a restart)
 */
public record FetchedPage(String url, String platform, int statusCode, String contentType, byte[] body,
                          Instant fetchTime, String referrer) {
    public FetchedPage {
        Objects.requireNonNull(url, "url");
        body = body == null ? new byte[0] : body;
        fetchTime = fetchTime == null ? Instant.now() : fetchTime;
        referrer = referrer == null || referrer.isBlank() ? null : referrer;
    }

    /** A page whose referrer is not known. */
    public FetchedPage(String url, String platform, int statusCode, String contentType, byte[] body,
                       Instant fetchTime) {
        this(url, platform, statusCode, contentType, body, fetchTime, null);
    }
}
