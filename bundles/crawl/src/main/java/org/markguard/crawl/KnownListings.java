package org.markguard.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.markguard.api.ListingStore;
import org.markguard.api.SourceDefinition;
import org.markguard.api.StoreException;

/**
 * The listing URLs a source already has in the index. A re-crawl visits them again besides the
 * seeds: a listing the platform removed is no longer linked from anywhere, and only a fetch of its
 * own URL (404/410) tells that it is gone.
 */
final class KnownListings {
    static final int MAX_REVISITS = 1_000_000;

    private KnownListings() {
    }

    static List<String> urls(ListingStore store, SourceDefinition source) throws StoreException {
        List<Pattern> includes = source.includePatterns().stream().map(Pattern::compile).toList();
        List<String> urls = new ArrayList<>();
        // the store filters by platform and host and sends the URLs alone: reading whole listings of
        // the platform, as before, made every crawl's start grow with the whole index
        store.scanUrls(source.platform(), Set.copyOf(source.allowedHosts()), batch -> {
            for (String url : batch) {
                if (urls.size() < MAX_REVISITS
                        && (includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(url).find()))) {
                    urls.add(url);
                }
            }
        });
        return urls;
    }
}
