package org.markguard.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.markguard.api.FetchedPage;

/** Test pages: fixtures from src/test/resources/pages, fetched at a fixed time. */
final class Pages {
    static final Instant FETCHED = Instant.parse("2026-11-30T08:00:00Z");

    private Pages() {
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = Pages.class.getResourceAsStream("/pages/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FetchedPage page(String url, String platform, String contentType, byte[] body) {
        return new FetchedPage(url, platform, 200, contentType, body, FETCHED);
    }

    static FetchedPage fixture(String fixture, String url, String platform) {
        return page(url, platform, "text/html", bytes(fixture));
    }
}
