package org.markguard.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;

/**
 * Downloads photos with the crawl's own crawler4j fetcher, so that the source's robots.txt,
 * per-host politeness, user agent and headers apply to photos as they do to pages.
 */
final class CrawlerPhotoSource implements PhotoSource {
    private final PageFetcher fetcher;
    private final RobotstxtServer robots;
    private final WebURLFactory urls;

    CrawlerPhotoSource(PageFetcher fetcher, RobotstxtServer robots, WebURLFactory urls) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.urls = urls;
    }

    @Override
    public Download download(String url, int maxBytes) {
        WebURL webUrl = urls.newWebUrl();
        webUrl.setURL(url);
        try {
            if (!robots.allows(webUrl)) {
                return Download.failed("not fetched: robots.txt disallows it");
            }
            try (PageFetchResult result = fetcher.fetchPage(webUrl)) {
                if (result.getStatusCode() != 200) {
                    return Download.failed("fetch failed: HTTP " + result.getStatusCode());
                }
                if (result.getEntity() != null && result.getEntity().getContentLength() > maxBytes) {
                    return Download.failed("not read: " + result.getEntity().getContentLength()
                            + " bytes, more than the cap of " + maxBytes);
                }
                Page page = new Page(webUrl);
                if (!result.fetchContent(page, maxBytes)) {
                    return Download.failed("fetch failed: content not read");
                }
                if (page.isTruncated()) {
                    return Download.failed("not read: more than the cap of " + maxBytes + " bytes");
                }
                return new Download(page.getContentData(), page.getContentType(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Download.failed("not fetched: crawl interrupted");
        } catch (Exception e) {
            // PageBiggerThanMaxSizeException (the crawl's page cap), I/O errors, bad URLs
            return Download.failed("fetch failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
