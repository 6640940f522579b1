package org.markguard.render;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that owns one Playwright (one Node.js driver process) and one warm Chromium.
 * Playwright objects must only be used from the thread that created them, so every call runs on this
 * worker's thread; concurrency comes from having several workers.
 */
final class BrowserWorker implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserWorker.class);
    /** Extra time, beyond the page's own timeout, before a call is given up on. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final RenderSettings settings;
    private final Path driverDirectory;
    private final ExecutorService thread;
    private Playwright playwright; // confined to thread
    private Browser browser; // confined to thread

    BrowserWorker(RenderSettings settings, Path driverDirectory, int number) {
        this.settings = settings;
        this.driverDirectory = driverDirectory;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "markguard-render-" + number);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the browser in the background so that the first page does not wait for it. */
    void warmUp() {
        thread.submit(() -> {
            try {
                browser();
            } catch (RuntimeException e) {
                LOG.warn("Chromium could not be started in advance: {}", e.getMessage());
            }
        });
    }

    /** Runs a task with the browser on this worker's thread. */
    <T> T call(Function<Browser, T> task, Duration timeout) throws IOException {
        Future<T> result = thread.submit(() -> task.apply(browser()));
        try {
            return result.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(false); // interrupting a Playwright call would break its connection; its own timeout ends it
            throw new IOException("the browser did not answer within " + timeout.plus(GRACE).toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedPageException page) {
                throw page.getCause();
            }
            throw new IOException("rendering failed: " + cause.getMessage(), cause);
        }
    }

    private Browser browser() {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        closeQuietly();
        // Playwright reads the driver location from a system property only (or an environment
        // variable, which Java cannot set); the value is the same for every worker
        System.setProperty("playwright.cli.dir", driverDirectory.toString());
        long start = System.nanoTime();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_NODEJS_PATH", settings.node().toString(),
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(settings.chromium())
                .setHeadless(true)
                .setArgs(chromiumArgs(settings))
                .setTimeout(30_000));
        LOG.info("Started headless Chromium {} in {} ms", browser.version(), (System.nanoTime() - start) / 1_000_000);
        return browser;
    }

    static List<String> chromiumArgs(RenderSettings settings) {
        List<String> args = new ArrayList<>(List.of("--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox"); // Chromium refuses to start its sandbox as root
        }
        if (!settings.hostResolverRules().isEmpty()) {
            args.add("--host-resolver-rules=" + settings.hostResolverRules());
        }
        return args;
    }

    private void closeQuietly() {
        try {
            if (playwright != null) {
                playwright.close(); // closes the browser and ends the driver process
            }
        } catch (RuntimeException e) {
            LOG.debug("closing Playwright", e);
        }
        playwright = null;
        browser = null;
    }

    @Override
    public void close() {
        Future<?> closing = thread.submit(this::closeQuietly);
        try {
            closing.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Chromium did not close cleanly: {}", e.toString());
        }
        thread.shutdownNow();
    }

    /** Carries an IOException with a clear message out of a task run on the worker thread. */
    static final class UncheckedPageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedPageException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
