package org.markguard.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One HTTP request and the response received, as the crawler saw them: what a raw capture (a pair
 * of WARC request/response records) preserves.
 *
 * @param url the URL requested
 * @param method the request method, usually GET
 * @param requestHeaders request headers in the order sent (secrets such as cookies are the
 *     capture store's business to redact)
 * @param statusCode HTTP status
 * @param reason the reason phrase, may be empty
 * @param responseHeaders response headers in the order received
 * @param body the response body as received
 * @param fetchTime when the response was received
 * @param remoteAddress the IP address of the server, null when unknown
 */
public record HttpExchange(String url, String method, List<Header> requestHeaders, int statusCode, String reason,
                           List<Header> responseHeaders, byte[] body, Instant fetchTime, String remoteAddress) {
    public HttpExchange {
        Objects.requireNonNull(url, "url");
        method = method == null ? "GET" : method;
        requestHeaders = List.copyOf(requestHeaders == null ? List.of() : requestHeaders);
        responseHeaders = List.copyOf(responseHeaders == null ? List.of() : responseHeaders);
        reason = reason == null ? "" : reason;
        body = body == null ? new byte[0] : body;
        fetchTime = fetchTime == null ? Instant.now() : fetchTime;
    }

    /** One header line. */
    public record Header(String name, String value) {
    }
}
