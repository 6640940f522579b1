package org.markguard.crawl;

import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.url.WebURL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host politeness that keeps the configured gap between the starts of two requests to one
 * host, counted from slot to slot so that the fetcher's sleep is part of the gap. crawler4j's own
 * cached server measures from before that sleep and lets requests through about twice as fast as
 * configured.
 */
final class HostPoliteness implements PolitenessServer {
    private final long delayMillis;
    private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();
    private final PauseGate gate;

    HostPoliteness(long delayMillis) {
        this(delayMillis, new PauseGate());
    }

    /** Every fetch of the crawl (pages, robots.txt, photos) passes here first: a closed gate holds it. */
    HostPoliteness(long delayMillis, PauseGate gate) {
        this.delayMillis = delayMillis;
        this.gate = gate;
    }

    @Override
    public long applyPoliteness(WebURL url) {
        try {
            gate.awaitOpen();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the fetch goes on; the crawl is being shut down
        }
        if (delayMillis <= 0) {
            return NO_POLITENESS_APPLIED;
        }
        String host = org.markguard.api.ListingUrls.hostOf(url.getURL());
        long now = System.currentTimeMillis();
        // reserve the next slot atomically, so two threads never take the same one
        long slot = nextAllowed.compute(host == null ? "" : host,
                (h, next) -> Math.max(now, next == null ? now : next) + delayMillis) - delayMillis;
        long wait = slot - now;
        return wait > 0 ? wait : NO_POLITENESS_APPLIED; // the page fetcher sleeps that long
    }
}
