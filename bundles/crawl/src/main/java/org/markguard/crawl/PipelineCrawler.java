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

/** A crawler4j thread: keeps to the source's hosts and hands every page to the {@link PagePipeline}. */
final class PipelineCrawler extends WebCrawler {
    // binary files are downloaded in full by crawler4j even with binary content off: skip them early
    private static final Pattern BINARY = Pattern.compile(
            ".*\\.(css|js|mjs|png|jpe?g|gif|webp|svg|ico|bmp|mp3|mp4|webm|avi|mov|zip|gz|tar|rar|7z|exe|woff2?|ttf|eot)$");

    private static final Pattern META_REFRESH = Pattern.compile(
            "(?is)<meta[^>]+http-equiv\\s*=\\s*[\"']?refresh[^>]*content\\s*=\\s*[\"']?\\s*\\d*\\s*;?\\s*url\\s*=\\s*['\"]?([^'\">\\s]+)");

    private final Set<String> allowedHosts;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final RenderStep render;
    private final String platform;
    private final PageHandler handler;
    private final PageCapture capture;
    private final TrapGuard traps;
    private final CrawlProgress progress;
    private final PagePipeline pipeline;
    private final ListingPhotos photos;
    private final CrawlJournal journal;
    private final Set<String> recovering;
    private final PauseGate gate;

    /**
     * The stages every page of a crawl goes through, shared by its crawler threads.
     *
     * @param recovering pages of an earlier run that are re-processed or re-fetched apart from the
     *     frontier (crawler4j may schedule them again: they are skipped then)
     */
    record PageWork(PageHandler handler, PageCapture capture, RenderStep render, ListingPhotos photos,
                    CrawlProgress progress, PagePipeline pipeline, CrawlJournal journal, Set<String> recovering,
                    PauseGate gate) {
    }

    PipelineCrawler(Set<String> allowedHosts, List<Pattern> includes, List<Pattern> excludes, String platform,
                    TrapGuard traps, PageWork work) {
        this.allowedHosts = allowedHosts;
        this.includes = includes;
        this.excludes = excludes;
        this.platform = platform;
        this.traps = traps;
        this.handler = work.handler();
        this.capture = work.capture();
        this.render = work.render();
        this.photos = work.photos();
        this.progress = work.progress();
        this.pipeline = work.pipeline();
        this.journal = work.journal();
        this.recovering = work.recovering();
        this.gate = work.gate();
    }

    @Override
    protected WebURL handleUrlBeforeProcess(WebURL url) {
        String clean = TrapGuard.withoutSessionId(url.getURL());
        if (!clean.equals(url.getURL())) {
            url.setURL(clean);
        }
        if (journal.isDone(clean) || recovering.contains(clean)) {
            return null; // stored by an earlier run of this crawl, or being recovered apart: not fetched again
        }
        return url;
    }

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
        return allowed(url.getURL());
    }

    /** On an allowed host, not binary, matching the include patterns, and not a trap. */
    private boolean allowed(String url) {
        String host = org.markguard.api.ListingUrls.hostOf(url); // lower case already
        String path;
        try {
            path = java.net.URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        path = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (host == null || !allowedHosts.contains(host) || BINARY.matcher(path).matches()
                || !(includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(url).find()))
                || excludes.stream().anyMatch(p -> p.matcher(url).find())) {
            return false;
        }
        String trap = traps.reject(url);
        if (trap != null) {
            progress.error(url, trap);
            return false;
        }
        return true;
    }

    @Override
    public void visit(Page page) {
        if (!reachesExtraction(page.getContentType(), page.getContentData())) {
            progress.pageDone();
            return; // an image or archive linked without a telling extension: nothing to extract
        }
        Instant fetched = Instant.now();
        journal.queued(page.getWebURL().getURL());
        pipeline.submit(() -> process(page, fetched));
        followMetaRefresh(page);
    }

    /** On a pipeline worker: capture, render when asked, then extract, assess and store. */
    void process(Page page, Instant fetched) {
        String url = page.getWebURL().getURL();
        try {
            String ref = capture.capture(page, fetched, progress); // what the server sent, as evidence
            journal.captured(url, ref);
            processCaptured(url, page.getStatusCode(), page.getContentType(), page.getContentData(), fetched, ref,
                    page.getWebURL().getParentUrl());
        } catch (RuntimeException e) {
            progress.error(url, "unexpected: " + e);
        } finally {
            progress.pageDone();
        }
    }

    /** A page whose raw capture an earlier run of this crawl wrote but did not finish: processed from it. */
    void processRecovered(org.markguard.api.HttpExchange captured, String ref) {
        String type = captured.responseHeaders().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                .map(org.markguard.api.HttpExchange.Header::value).findFirst().orElse(null);
        try {
            processCaptured(captured.url(), captured.statusCode(), type, captured.body(), captured.fetchTime(), ref,
                    null); // the capture does not say which page linked it
        } catch (RuntimeException e) {
            progress.error(captured.url(), "unexpected: " + e);
        } finally {
            progress.pageDone();
        }
    }

    private void processCaptured(String url, int status, String contentType, byte[] body, Instant fetched,
                                 String ref, String referrer) {
        org.markguard.api.HttpExchange rendered = render.render(url, progress);
        if (rendered != null) {
            handler.handle(new FetchedPage(url, platform, rendered.statusCode(), "text/html; charset=utf-8",
                    rendered.body(), rendered.fetchTime()), ref, photos, progress);
        } else {
            handler.handle(new FetchedPage(url, platform, status, contentType, body, fetched, referrer), ref, photos,
                    progress);
        }
        journal.done(url);
    }

    /** Text (HTML, XML, JSON, plain) and PDF go on to extraction; other binary content does not. */
    static boolean reachesExtraction(String contentType, byte[] body) {
        boolean pdfMagic = body != null && body.length >= 5 && body[0] == '%' && body[1] == 'P' && body[2] == 'D'
                && body[3] == 'F' && body[4] == '-';
        if (contentType == null || contentType.isBlank() || pdfMagic) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("html") || type.contains("xml") || type.contains("json")
                || type.startsWith("application/pdf");
    }

    /** crawler4j does not follow {@code <meta http-equiv=refresh>} by itself. */
    private void followMetaRefresh(Page page) {
        byte[] body = page.getContentData();
        if (body == null || page.getContentType() == null || !page.getContentType().contains("html")) {
            return;
        }
        if (page.getParseData() instanceof edu.uci.ics.crawler4j.parser.HtmlParseData parsed
                && !parsed.getMetaTags().containsKey("refresh")) {
            return; // the link scan saw no meta refresh: nearly every page, and no 8 KB copy to search
        }
        String head = new String(body, 0, Math.min(body.length, 8192), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!mentionsRefresh(head)) {
            return; // nearly every page: skip the regex, whose backtracking over each <meta> tag costs
        }
        java.util.regex.Matcher m = META_REFRESH.matcher(head);
        if (!m.find()) {
            return;
        }
        try {
            String target = java.net.URI.create(page.getWebURL().getURL()).resolve(m.group(1).strip()).toString();
            if (allowed(target)) {
                myController.addSeed(target); // the frontier drops URLs already seen, so loops end
            }
        } catch (IllegalArgumentException | InterruptedException e) {
            progress.error(page.getWebURL().getURL(), "bad meta refresh target: " + m.group(1));
        }
    }

    /** Whether "refresh" occurs in the text, in any case: a plain scan, no regex. */
    static boolean mentionsRefresh(String text) {
        for (int i = 0, last = text.length() - 7; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == 'r' || c == 'R') && text.regionMatches(true, i + 1, "efresh", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void onUnexpectedStatusCode(String url, int status, String contentType, String description) {
        progress.error(url, "HTTP " + status + " " + description);
        if (status == 404 || status == 410) {
            handler.gone(url, progress); // removed from the platform: marked, never deleted
        }
    }

    @Override
    protected void onPageBiggerThanMaxSize(Page page, long size) {
        progress.error(page.getWebURL().getURL(), "skipped: " + size + " bytes, more than the size cap");
    }

    @Override
    protected void onContentFetchError(Page page, Exception e) {
        if (!leftForResume(page, e)) {
            progress.error(page.getWebURL().getURL(), "fetch failed: " + e.getMessage());
        }
    }

    /**
     * A fetch refused because the crawl halts for a restart was never sent: crawler4j counts the
     * page as processed all the same, so the journal keeps it for the resumed crawl to fetch.
     */
    private boolean leftForResume(Page page, Throwable e) {
        if (page == null || !(e instanceof PauseGate.Halted || gate.isHalted() && e.getCause() instanceof PauseGate.Halted)) {
            return false;
        }
        journal.queued(page.getWebURL().getURL());
        return true;
    }

    @Override
    protected void onParseError(WebURL url, Exception e) {
        progress.error(url.getURL(), "parse failed: " + e.getMessage());
    }

    @Override
    protected void onUnhandledException(Page page, Throwable e) {
        if (leftForResume(page, e)) {
            return;
        }
        progress.error(page == null ? "?" : page.getWebURL().getURL(), "unexpected: " + e);
    }
}
