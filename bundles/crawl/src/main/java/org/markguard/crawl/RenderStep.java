package org.markguard.crawl;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.markguard.api.HttpExchange;
import org.markguard.api.PageRenderer;

/**
 * For {@code render=true} sources: the page as headless Chromium shows it after its scripts ran,
 * within a page budget per crawl. Without a renderer, or over budget, the plain fetch is used.
 */
final class RenderStep {
    private final Supplier<PageRenderer> renderer;
    private final AtomicInteger budget;
    private final Map<String, String> headers;
    private final Duration timeout;

    RenderStep(Supplier<PageRenderer> renderer, int budget, Map<String, String> headers, Duration timeout) {
        this.renderer = renderer;
        this.budget = new AtomicInteger(budget);
        this.headers = headers;
        this.timeout = timeout;
    }

    /** A step that never renders (render=false sources). */
    static RenderStep off() {
        return new RenderStep(() -> null, 0, Map.of(), Duration.ofSeconds(1));
    }

    /** The rendered exchange, or null to keep the plain fetch; failures are recorded on the crawl. */
    HttpExchange render(String url, CrawlProgress progress) {
        PageRenderer r = renderer.get();
        if (r == null) {
            if (budget.get() > 0) {
                progress.error(url, "not rendered: no page renderer installed (feature markguard-render)");
            }
            return null;
        }
        if (budget.getAndDecrement() <= 0) {
            return null;
        }
        try {
            return r.render(url, headers, timeout);
        } catch (IOException | RuntimeException e) {
            progress.error(url, "rendering failed, plain fetch used: " + e.getMessage());
            return null;
        }
    }
}
