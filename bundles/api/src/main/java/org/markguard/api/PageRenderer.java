package org.markguard.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Fetches a page through a real headless browser, so data that scripts put on the page after load
 * is there. Implemented by the render bundle (headless Chromium of the system, never a downloaded
 * browser).
 */
public interface PageRenderer {

    /**
     * Loads a URL, lets its scripts run, and returns the rendered DOM as the exchange's body
     * (UTF-8 HTML) with the status and headers of the main response.
     *
     * @param extraHeaders request headers to add (for example a session cookie), never logged
     * @param timeout the longest the whole rendering may take
     */
    HttpExchange render(String url, Map<String, String> extraHeaders, Duration timeout) throws IOException;

    /**
     * A full-page PNG screenshot of HTML rendered offline: scripts disabled, no request leaves the
     * machine (for evidence made from a capture).
     */
    byte[] screenshot(byte[] html, String baseUrl, Duration timeout) throws IOException;
}
