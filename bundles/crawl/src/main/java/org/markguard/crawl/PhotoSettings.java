package org.markguard.crawl;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many product photos of each listing are fetched, how big one may be, and which hosts
 * besides the source's own may serve them (marketplaces put photos on CDN hosts).
 *
 * @param perListing photos fetched per listing, 0 to fetch none
 * @param maxBytes a photo larger than this is not read
 * @param extraHosts hosts photos may come from besides the source's allowed hosts, lower case
 */
record PhotoSettings(int perListing, int maxBytes, Set<String> extraHosts) {
    static final int DEFAULT_PER_LISTING = 2;
    static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    static final PhotoSettings DEFAULTS = new PhotoSettings(DEFAULT_PER_LISTING, DEFAULT_MAX_BYTES, Set.of());

    PhotoSettings {
        perListing = Math.max(0, perListing);
        maxBytes = Math.max(1, maxBytes);
        extraHosts = Set.copyOf(extraHosts);
    }

    static PhotoSettings of(CrawlSettings settings) {
        return new PhotoSettings(settings.images_perListing(), settings.images_maxBytes(),
                hosts(settings.images_allowedHosts()));
    }

    /** A comma-separated host list (.cfg values do not split on commas by themselves). */
    static Set<String> hosts(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
