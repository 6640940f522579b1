package org.markguard.api;

import java.util.Map;

/**
 * Request headers and cookies a source sends (a closed group that needs a logged-in session).
 * They are secrets: stored under private configuration keys, never returned by the API, never
 * logged — {@link #toString()} shows only the names.
 *
 * @param headers extra request headers, name → value
 * @param cookies cookies, name → value
 */
public record SourceSecrets(Map<String, String> headers, Map<String, String> cookies) {
    public static final SourceSecrets NONE = new SourceSecrets(Map.of(), Map.of());

    public SourceSecrets {
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        cookies = Map.copyOf(cookies == null ? Map.of() : cookies);
    }

    public boolean isEmpty() {
        return headers.isEmpty() && cookies.isEmpty();
    }

    @Override
    public String toString() {
        return "SourceSecrets[headers=" + headers.keySet() + ", cookies=" + cookies.keySet() + "]";
    }
}
