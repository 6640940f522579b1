package org.markguard.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.markguard.api.FetchedPage;

/** A crawler4j thread: keeps to the source's hosts and hands every page to the pipeline. */
final class PipelineCrawler extends WebCrawler {
    // binary files are downloaded in full by crawler4j even with binary content off: skip them early
    private static final Pattern BINARY = Pattern.compile(
            ".*\\.(css|js|mjs|png|jpe?g|gif|webp|svg|ico|bmp|mp3|mp4|webm|avi|mov|zip|gz|tar|rar|7z|exe|woff2?|ttf|eot)$");

    private final Set<String> allowedHosts;
    private final List<Pattern> includes;
    private final String platform;
    private final PageHandler handler;
    private final CrawlProgress progress;

    PipelineCrawler(Set<String> allowedHosts, List<Pattern> includes, String platform, PageHandler handler,
                    CrawlProgress progress) {
        this.allowedHosts = allowedHosts;
        this.includes = includes;
        this.platform = platform;
        this.handler = handler;
        this.progress = progress;
    }

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
        String host = url.getDomain() == null ? null : hostOf(url.getURL());
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return host != null && allowedHosts.contains(host) && !BINARY.matcher(path).matches()
                && (includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(url.getURL()).find()));
    }

    @Override
    public void visit(Page page) {
        String type = page.getContentType();
        handler.handle(new FetchedPage(page.getWebURL().getURL(), platform, page.getStatusCode(), type,
                page.getContentData(), Instant.now()), progress);
    }

    @Override
    protected void onUnexpectedStatusCode(String url, int status, String contentType, String description) {
        progress.error(url, "HTTP " + status + " " + description);
    }

    @Override
    protected void onContentFetchError(Page page, Exception e) {
        progress.error(page.getWebURL().getURL(), "fetch failed: " + e.getMessage());
    }

    @Override
    protected void onParseError(WebURL url, Exception e) {
        progress.error(url.getURL(), "parse failed: " + e.getMessage());
    }

    @Override
    protected void onUnhandledException(Page page, Throwable e) {
        progress.error(page == null ? "?" : page.getWebURL().getURL(), "unexpected: " + e);
    }

    private static String hostOf(String url) {
        String host = SourceConfigs.hostOf(url);
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }
}
