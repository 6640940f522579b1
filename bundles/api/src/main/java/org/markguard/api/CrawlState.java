package org.markguard.api;

/** The life of a crawl. */
public enum CrawlState {
    RUNNING,
    /** Fetching held until resumed; nothing is fetched meanwhile, the frontier is kept. */
    PAUSED,
    FINISHED,
    FAILED,
    STOPPED
}
