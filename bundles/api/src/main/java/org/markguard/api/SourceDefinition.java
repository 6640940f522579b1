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
 */
public record SourceDefinition(String id, String name, String platform, List<String> seeds,
                               List<String> allowedHosts, int maxDepth, int maxPages,
                               int politenessDelayMs, List<String> includePatterns) {
    public SourceDefinition {
        seeds = List.copyOf(seeds == null ? List.of() : seeds);
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
        includePatterns = List.copyOf(includePatterns == null ? List.of() : includePatterns);
    }
}
