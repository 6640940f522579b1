package org.markguard.evidence.builder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.markguard.api.HttpExchange;

/**
 * Fetches a listing's page again, now, for a {@code recapture} request. Redirects are not followed
 * (a redirect is itself what the page answers, and following it would hide the hop), the body is
 * asked for without content coding so that the capture holds the bytes as served, and any status is
 * an answer: a 404 now is evidence too. The client does not tell which IP address it connected to, so
 * the exchange has none (a separate DNS lookup could name another one).
 */
final class Recapturer {
    static final String USER_AGENT = "markguard-evidence/0.1 (recapture for an evidence packet)";
    /** a page larger than this is not recaptured: the capture store takes the body whole */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    Recapturer(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The exchange as received; an IOException says why there is none (offline, refused, timed out). */
    HttpExchange fetch(String url) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("the URL cannot be fetched: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("only http and https pages are recaptured, not '" + scheme + "'");
        }
        List<HttpExchange.Header> sent = List.of(
                new HttpExchange.Header("Host", uri.getRawAuthority()),
                new HttpExchange.Header("User-Agent", USER_AGENT),
                new HttpExchange.Header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                new HttpExchange.Header("Accept-Language", "vi,en;q=0.8"),
                new HttpExchange.Header("Accept-Encoding", "identity"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        sent.stream().filter(h -> !h.name().equals("Host")).forEach(h -> request.header(h.name(), h.value()));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("the page is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
        }
        Instant received = Instant.now();
        List<HttpExchange.Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(v -> headers.add(new HttpExchange.Header(name, v)));
            }
        });
        return new HttpExchange(url, "GET", sent, response.statusCode(), "", headers, body, received, null);
    }
}
