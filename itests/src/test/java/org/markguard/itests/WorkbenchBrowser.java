package org.markguard.itests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The system's headless Chromium driven by Playwright the way bundles/render does it (system
 * Node.js, no downloaded browser, every host but loopback unresolvable), with one page that
 * records everything that must never happen: dialogs, page errors, CSP violations.
 */
final class WorkbenchBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String NODE = "/usr/bin/node";

    /**
     * Runs in every frame before the page's own scripts: a payload that gets to run sets
     * window.__xss (alert is the demo payloads' call), and the page's CSP violations are kept.
     */
    private static final String WATCH = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e =>
              window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            for (const name of ['alert', 'confirm', 'prompt']) {
              const original = window[name];
              window[name] = function (...args) { window.__xss = true; return original.apply(this, args); };
            }
            """;

    private final Playwright playwright;
    private final Browser browser;
    final BrowserContext context;
    final Page page;
    final List<String> dialogs = Collections.synchronizedList(new ArrayList<>());
    final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());
    final List<String> cspConsole = Collections.synchronizedList(new ArrayList<>());
    private final String captureUrlPart;

    /** @param captureUrlPart URLs of the sandboxed capture frames, whose own console is not ours */
    WorkbenchBrowser(String captureUrlPart) {
        this.captureUrlPart = captureUrlPart;
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(Path.of(NODE))) {
            throw new AssertionError("the browser test needs the Debian packages chromium and nodejs ("
                    + CHROMIUM + ", " + NODE + "); .ci/run installs them");
        }
        // Playwright looks for Node.js in driver-bundle, which is left out: the system one runs the driver
        System.setProperty("playwright.nodejs.path", NODE);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_NODEJS_PATH", NODE, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new ArrayList<>(List.of("--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox"); // Chromium refuses its sandbox as root
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(args).setTimeout(60_000));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
                .setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
        context.setDefaultTimeout(20_000);
        context.addInitScript(WATCH);
        page = context.newPage();
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        page.onPageError(e -> pageErrors.add(e));
        page.onConsoleMessage(this::console);
    }

    private void console(ConsoleMessage m) {
        String where = m.location() == null ? "" : m.location();
        if (m.text().contains("Content Security Policy") && !where.contains(captureUrlPart)) {
            cspConsole.add(m.text() + " @ " + where);
        }
    }

    /** The test IDs of the page (data-testid) as a locator. */
    com.microsoft.playwright.Locator byTestId(String id) {
        return page.getByTestId(id);
    }

    /**
     * A test ID inside one rendered page (the workbench marks each with data-page), so a check never
     * passes on what the previous page still showed.
     */
    com.microsoft.playwright.Locator on(String workbenchPage, String id) {
        return page.locator("[data-page=" + workbenchPage + "] [data-testid=" + id + "]");
    }

    /** What the page's own scripts left behind: a set __xss flag, CSP violations of the main frame. */
    Object xssFlag() {
        return page.evaluate("() => window.__xss === undefined ? null : window.__xss");
    }

    @SuppressWarnings("unchecked")
    List<String> mainFrameCspViolations() {
        return (List<String>) page.evaluate("() => window.__csp || []");
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    @Override
    public void close() {
        try {
            context.close();
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
