package org.markguard.render;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ScreenshotType;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import com.microsoft.playwright.options.WaitUntilState;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.api.HttpExchange;
import org.markguard.api.PageRenderer;
import org.markguard.render.BrowserWorker.UncheckedPageException;

/**
 * {@link PageRenderer} on the system's headless Chromium, driven by Playwright with the system
 * Node.js. A pool of {@link BrowserWorker}s keeps one browser warm each; every page gets a fresh
 * browser context, so no cookie or storage carries over from one page to the next.
 *
 * <p>Request headers given by callers (session cookies) are set on the context only and never
 * logged. Screenshots run with JavaScript disabled and every request but {@code data:} URIs aborted,
 * so nothing leaves the machine.
 */
public final class ChromiumRenderer implements PageRenderer, Closeable {
    /** Resource types render() skips when blockResources is on: they do not change the DOM. */
    private static final Set<String> HEAVY = Set.of("image", "font", "media");
    private static final Pattern META_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)",
            Pattern.CASE_INSENSITIVE);

    private final RenderSettings settings;
    private final String unavailable; // why the browser cannot run, null when it can
    private final BlockingQueue<BrowserWorker> idle;
    private final List<BrowserWorker> workers = new ArrayList<>();

    /** Checks the executables and unpacks the driver; never throws, so that activation cannot fail. */
    public ChromiumRenderer(RenderSettings settings) {
        this.settings = settings;
        this.idle = new ArrayBlockingQueue<>(settings.maxConcurrentPages());
        String problem = null;
        Path driver = null;
        if (!Files.isExecutable(settings.chromium())) {
            problem = "headless Chromium not available at " + settings.chromium()
                    + " (install the Debian package chromium, or set chromiumPath)";
        } else if (!Files.isExecutable(settings.node())) {
            problem = "headless Chromium not available at " + settings.chromium() + ": no Node.js at "
                    + settings.node() + " to run Playwright's driver (install the Debian package nodejs, or set nodePath)";
        } else {
            try {
                driver = DriverFiles.unpack(settings.workDirectory());
            } catch (IOException | RuntimeException e) {
                problem = "headless Chromium not available at " + settings.chromium()
                        + ": Playwright's driver could not be unpacked: " + e.getMessage();
            }
        }
        this.unavailable = problem;
        if (problem == null) {
            for (int i = 1; i <= settings.maxConcurrentPages(); i++) {
                BrowserWorker worker = new BrowserWorker(settings, driver, i);
                workers.add(worker);
                idle.add(worker);
            }
            workers.get(0).warmUp();
        }
    }

    /** Why rendering is impossible, or null when it is possible. */
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    public HttpExchange render(String url, Map<String, String> extraHeaders, Duration timeout) throws IOException {
        Duration limit = limit(timeout);
        Map<String, String> headers = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        return withWorker(limit, browser -> renderPage(browser, url, headers, limit));
    }

    @Override
    public byte[] screenshot(byte[] html, String baseUrl, Duration timeout) throws IOException {
        Duration limit = limit(timeout);
        String document = decode(html == null ? new byte[0] : html);
        return withWorker(limit, browser -> screenshotPage(browser, document, limit));
    }

    private HttpExchange renderPage(Browser browser, String url, Map<String, String> headers, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setExtraHTTPHeaders(headers)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK))) {
            context.setDefaultTimeout(limit.toMillis());
            if (settings.blockResources()) {
                context.route("**/*", route -> {
                    if (HEAVY.contains(route.request().resourceType())) {
                        route.abort();
                    } else {
                        route.resume();
                    }
                });
            }
            Page page = context.newPage();
            Response response = page.navigate(url, new Page.NavigateOptions()
                    .setWaitUntil(WaitUntilState.LOAD).setTimeout(limit.toMillis()));
            if (response == null) {
                throw new UncheckedPageException(new IOException("no HTTP response for " + url));
            }
            Instant fetched = Instant.now();
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                try {
                    page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(left));
                } catch (TimeoutError stillBusy) {
                    // a page that never goes quiet (polling, trackers): keep what it rendered so far
                }
            }
            byte[] dom = page.content().getBytes(StandardCharsets.UTF_8);
            return new HttpExchange(page.url(), response.request().method(), headers(response.request().headersArray()),
                    response.status(), response.statusText(), headers(response.headersArray()), dom, fetched,
                    response.serverAddr() == null ? null : response.serverAddr().ipAddress);
        } catch (TimeoutError e) {
            throw new UncheckedPageException(new IOException("rendering " + url + " took longer than "
                    + limit.toMillis() + " ms"));
        } catch (PlaywrightException e) {
            throw new UncheckedPageException(new IOException("rendering " + url + " failed: " + firstLine(e), e));
        }
    }

    private byte[] screenshotPage(Browser browser, String document, Duration limit) {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK))) {
            context.setDefaultTimeout(limit.toMillis());
            // evidence made from a capture must not fetch anything: only inline data: URIs load
            context.route("**/*", route -> {
                if (route.request().url().startsWith("data:")) {
                    route.resume();
                } else {
                    route.abort("blockedbyclient");
                }
            });
            Page page = context.newPage();
            page.setContent(document, new Page.SetContentOptions()
                    .setWaitUntil(WaitUntilState.LOAD).setTimeout(limit.toMillis()));
            return page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true).setType(ScreenshotType.PNG).setTimeout(limit.toMillis()));
        } catch (TimeoutError e) {
            throw new UncheckedPageException(new IOException("screenshot took longer than " + limit.toMillis() + " ms"));
        } catch (PlaywrightException e) {
            throw new UncheckedPageException(new IOException("screenshot failed: " + firstLine(e), e));
        }
    }

    private <T> T withWorker(Duration limit, java.util.function.Function<Browser, T> task) throws IOException {
        if (unavailable != null) {
            throw new IOException(unavailable);
        }
        BrowserWorker worker;
        try {
            worker = idle.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a browser", e);
        }
        if (worker == null) {
            throw new IOException("all " + settings.maxConcurrentPages() + " browsers stayed busy for "
                    + limit.toMillis() + " ms");
        }
        try {
            return worker.call(task, limit);
        } finally {
            idle.add(worker);
        }
    }

    private Duration limit(Duration timeout) {
        return timeout == null || timeout.isNegative() || timeout.isZero() ? settings.pageTimeout() : timeout;
    }

    private static List<HttpExchange.Header> headers(List<HttpHeader> headers) {
        List<HttpExchange.Header> list = new ArrayList<>(headers.size());
        for (HttpHeader h : headers) {
            list.add(new HttpExchange.Header(h.name, h.value));
        }
        return list;
    }

    /** Captured HTML in the charset it declares (BOM or meta/charset in its head), UTF-8 otherwise. */
    static String decode(byte[] html) {
        if (html.length >= 3 && (html[0] & 0xff) == 0xef && (html[1] & 0xff) == 0xbb && (html[2] & 0xff) == 0xbf) {
            return new String(html, 3, html.length - 3, StandardCharsets.UTF_8);
        }
        String head = new String(html, 0, Math.min(html.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            try {
                return new String(html, Charset.forName(m.group(1).toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknownCharset) {
                // UTF-8 below
            }
        }
        return new String(html, StandardCharsets.UTF_8);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() {
        for (BrowserWorker worker : workers) {
            worker.close();
        }
    }
}
