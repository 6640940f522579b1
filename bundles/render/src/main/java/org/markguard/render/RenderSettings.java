package org.markguard.render;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the renderer is started with: the configuration, checked.
 *
 * @param chromium the Chromium executable
 * @param node the Node.js executable that runs Playwright's driver
 * @param maxConcurrentPages pages rendered at the same time, one warm browser each
 * @param pageTimeout longest a rendering takes when the caller gives no timeout
 * @param blockResources whether render() skips images, fonts and media
 * @param hostResolverRules Chromium {@code --host-resolver-rules}, empty for none
 * @param workDirectory where Playwright's driver files are unpacked
 */
public record RenderSettings(Path chromium, Path node, int maxConcurrentPages, Duration pageTimeout,
                             boolean blockResources, String hostResolverRules, Path workDirectory) {
    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    static final String DEFAULT_NODE = "/usr/bin/node";
    static final int DEFAULT_MAX_CONCURRENT_PAGES = 2;
    static final long DEFAULT_PAGE_TIMEOUT_MS = 15_000;

    public RenderSettings {
        if (maxConcurrentPages < 1) {
            throw new IllegalArgumentException("maxConcurrentPages must be at least 1: " + maxConcurrentPages);
        }
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("pageTimeoutMs must be positive: " + pageTimeout.toMillis());
        }
        hostResolverRules = hostResolverRules == null ? "" : hostResolverRules.strip();
    }

    static RenderSettings from(RenderConfig config) {
        String karafData = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return new RenderSettings(Path.of(config.chromiumPath()), Path.of(config.nodePath()),
                config.maxConcurrentPages(), Duration.ofMillis(config.pageTimeoutMs()), config.blockResources(),
                config.hostResolverRules(), Path.of(karafData, "markguard", "render"));
    }
}
