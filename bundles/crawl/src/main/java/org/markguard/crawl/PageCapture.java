package org.markguard.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.hc.core5.http.Header;
import org.markguard.api.CaptureStore;
import org.markguard.api.HttpExchange;

/**
 * Writes the raw capture of a fetched page (request + response as received) to the capture store,
 * when one is installed. A capture that cannot be written is an error of the page, not of the crawl.
 */
final class PageCapture {
    private final Supplier<CaptureStore> store;
    private final List<HttpExchange.Header> requestHeaders;

    PageCapture(Supplier<CaptureStore> store, String userAgent) {
        this(store, userAgent, java.util.Map.of());
    }

    /** @param extraHeaders the source's secret headers (incl. Cookie): the capture store redacts them */
    PageCapture(Supplier<CaptureStore> store, String userAgent, java.util.Map<String, String> extraHeaders) {
        this.store = store;
        List<HttpExchange.Header> headers = new ArrayList<>(List.of(new HttpExchange.Header("User-Agent", userAgent),
                new HttpExchange.Header("Accept", "*/*")));
        extraHeaders.forEach((k, v) -> headers.add(new HttpExchange.Header(k, v)));
        this.requestHeaders = List.copyOf(headers);
    }

    /** The capture reference, or null when there is no capture store or writing failed. */
    String capture(Page page, Instant fetchTime, CrawlProgress progress) {
        CaptureStore captures = store.get();
        if (captures == null) {
            return null;
        }
        List<HttpExchange.Header> response = new ArrayList<>();
        Header[] headers = page.getFetchResponseHeaders();
        if (headers != null) {
            for (Header h : headers) {
                response.add(new HttpExchange.Header(h.getName(), h.getValue()));
            }
        }
        String url = page.getWebURL().getURL();
        HttpExchange exchange = new HttpExchange(url, "GET", requestHeaders, page.getStatusCode(), "", response,
                page.getContentData(), fetchTime, null);
        try {
            return captures.store(exchange);
        } catch (IOException | RuntimeException e) {
            progress.error(url, "raw capture not written: " + e.getMessage());
            return null;
        }
    }

    /** A capture written earlier, read back; empty when there is no store or it cannot be read. */
    java.util.Optional<HttpExchange> read(String ref, CrawlProgress progress, String url) {
        CaptureStore captures = store.get();
        if (captures == null || ref == null) {
            return java.util.Optional.empty();
        }
        try {
            return captures.read(ref);
        } catch (IOException | RuntimeException e) {
            progress.error(url, "raw capture not read back: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
