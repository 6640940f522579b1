package org.markguard.api;

import java.util.List;

/**
 * A site to crawl. Kept as a ConfigAdmin factory configuration {@code markguard.source}, so a source
 * may also be a file {@code etc/markguard.source-<name>.cfg} with the same keys.
 *
 * @param id the source id (equal to its name)
 * @param name lowercase letters, digits and dashes
 * @param platform platform key given to its listings
 * @param seeds start URLs
 * @param allowedHosts hosts the crawl may visit (defaults to the seeds' hosts)
 * @param maxDepth link depth from the seeds
 * @param maxPages pages fetched per crawl at most
 * @param politenessDelayMs delay between two requests to one host
 * @param includePatterns regular expressions; when any is given, only URLs in which one of them is
 *     found are followed (seeds are always fetched)
 * @param excludePatterns regular expressions; a URL in which one is found is never followed
 * @param userAgent the User-Agent sent, null for markguard's own
 * @param threads crawler threads, 1–16
 * @param render fetch pages through headless Chromium (pages whose data appears after scripts run)
 * @param renderBudget at most this many pages rendered per crawl; later pages are fetched plainly
 * @param renderTimeoutMs the longest one rendering may take
 * @param schedule re-crawl schedule: an ISO-8601 duration ("PT6H") or a five-field cron expression
 *     ("0 2 * * *"), null for none
 * @param secrets request headers and cookies to send, never shown or logged
 */
public record SourceDefinition(String id, String name, String platform, List<String> seeds,
                               List<String> allowedHosts, int maxDepth, int maxPages,
                               int politenessDelayMs, List<String> includePatterns,
                               List<String> excludePatterns, String userAgent, int threads, boolean render,
                               int renderBudget, int renderTimeoutMs, String schedule, SourceSecrets secrets) {
    public static final int DEFAULT_THREADS = 2;
    public static final int DEFAULT_RENDER_BUDGET = 500;
    public static final int DEFAULT_RENDER_TIMEOUT_MS = 15_000;

    public SourceDefinition {
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
        includePatterns = List.copyOf(includePatterns == null ? List.of() : includePatterns);
        excludePatterns = List.copyOf(excludePatterns == null ? List.of() : excludePatterns);
        secrets = secrets == null ? SourceSecrets.NONE : secrets;
    }

    /** A plain source: default threads, no rendering, no schedule, no secrets. */
    public SourceDefinition(String id, String name, String platform, List<String> seeds, List<String> allowedHosts,
                            int maxDepth, int maxPages, int politenessDelayMs, List<String> includePatterns) {
        this(id, name, platform, seeds, allowedHosts, maxDepth, maxPages, politenessDelayMs, includePatterns,
                List.of(), null, DEFAULT_THREADS, false, DEFAULT_RENDER_BUDGET, DEFAULT_RENDER_TIMEOUT_MS, null,
                SourceSecrets.NONE);
    }
}
