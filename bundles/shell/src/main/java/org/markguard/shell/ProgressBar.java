package org.markguard.shell;

import org.markguard.api.CrawlStatus;

/** One line of crawl progress for a terminal: a bar when the total is known, counters always. */
final class ProgressBar {
    static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String line(CrawlStatus s) {
        long done = s.pagesFetched();
        long total = done + s.pagesQueued();
        int filled = total == 0 ? (s.state().name().equals("RUNNING") || s.state().name().equals("PAUSED") ? 0 : WIDTH)
                : (int) Math.round(WIDTH * (double) done / total);
        return String.format("[%s%s] %s %d fetched, %d queued, %d listings (%d flagged), %d errors, %.1f pages/s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), s.state(), done, s.pagesQueued(), s.listingsIndexed(),
                s.listingsFlagged(), s.errors(), s.pagesPerSecond());
    }
}
