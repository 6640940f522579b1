package org.markguard.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.markguard.api.HttpExchange;

/**
 * The pages a killed run of a crawl had fetched but not stored: processed from their raw capture
 * when it was written (no second request), fetched once more otherwise. Runs on the pipeline
 * before the resumed frontier is crawled.
 */
final class PageRecovery {
    private final CrawlJournal.Unfinished unfinished;

    PageRecovery(CrawlJournal.Unfinished unfinished) {
        this.unfinished = unfinished;
    }

    /** Every URL recovered here, for the crawler threads to skip. */
    Set<String> urls() {
        Set<String> all = new HashSet<>(unfinished.captured().keySet());
        all.addAll(unfinished.uncaptured());
        return Set.copyOf(all);
    }

    void submit(PipelineCrawler worker, PagePipeline pipeline, PageCapture capture, PageFetcher fetcher,
                WebURLFactory urls, CrawlProgress progress, int maxBytes) {
        unfinished.captured().forEach((url, ref) -> pipeline.submit(() -> {
            Optional<HttpExchange> captured = capture.read(ref, progress, url);
            if (captured.isPresent()) {
                worker.processRecovered(captured.get(), ref);
            } else {
                refetch(url, worker, fetcher, urls, progress, maxBytes);
            }
        }));
        for (String url : unfinished.uncaptured()) {
            pipeline.submit(() -> refetch(url, worker, fetcher, urls, progress, maxBytes));
        }
    }

    private static void refetch(String url, PipelineCrawler worker, PageFetcher fetcher, WebURLFactory urls,
                                CrawlProgress progress, int maxBytes) {
        WebURL webUrl = urls.newWebUrl();
        webUrl.setURL(url);
        try (PageFetchResult result = fetcher.fetchPage(webUrl)) {
            Page page = new Page(webUrl);
            page.setStatusCode(result.getStatusCode());
            if (result.getStatusCode() != 200 || !result.fetchContent(page, maxBytes)) {
                progress.error(url, "not recovered: HTTP " + result.getStatusCode());
                return;
            }
            worker.process(page, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            progress.error(url, "not recovered: " + e);
        }
    }
}
