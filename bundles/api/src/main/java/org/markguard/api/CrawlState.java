package org.markguard.api;

/** The life of a crawl. */
public enum CrawlState {
    RUNNING,
    FINISHED,
    FAILED,
    STOPPED
}
