package org.markguard.crawl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.markguard.api.ImageFacts;
import org.markguard.api.ImageInspector;
import org.markguard.api.Listing;

/**
 * Fetches the first product photos of a listing and puts what the {@link ImageInspector} reads
 * (perceptual hash, EXIF) on the listing. Without an inspector nothing is fetched. A photo that
 * cannot be fetched or read becomes facts with a warning: the listing is indexed all the same.
 */
final class ListingPhotos {
    private final Supplier<ImageInspector> inspector;
    private final PhotoSettings settings;
    private final Set<String> hosts;
    private final PhotoSource source;

    ListingPhotos(Supplier<ImageInspector> inspector, PhotoSettings settings, Set<String> sourceHosts,
                  PhotoSource source) {
        this.inspector = inspector;
        this.settings = settings;
        Set<String> all = new LinkedHashSet<>();
        sourceHosts.forEach(h -> all.add(h.toLowerCase(Locale.ROOT)));
        all.addAll(settings.extraHosts());
        this.hosts = Set.copyOf(all);
        this.source = source;
    }

    /** For crawls without photos (tests, benchmarks of the page pipeline alone). */
    static ListingPhotos none() {
        return new ListingPhotos(() -> null, new PhotoSettings(0, 1, Set.of()), Set.of(), (u, m) -> null);
    }

    /** The listing with facts for up to {@code perListing} of its photos, or unchanged. */
    Listing attach(Listing listing) {
        ImageInspector current = inspector.get();
        if (current == null || settings.perListing() == 0 || listing.imageUrls().isEmpty()) {
            return listing;
        }
        List<ImageFacts> facts = new ArrayList<>();
        for (String url : new LinkedHashSet<>(listing.imageUrls())) {
            if (facts.size() == settings.perListing()) {
                break;
            }
            facts.add(inspect(current, url));
        }
        return listing.withDetails(listing.details().withImages(facts));
    }

    private ImageFacts inspect(ImageInspector current, String url) {
        String host = org.markguard.api.ListingUrls.hostOf(url);
        if (host == null || !(url.startsWith("http://") || url.startsWith("https://"))
                || !hosts.contains(host)) { // ListingUrls gives it in lower case
            return failed(url, "not fetched: host not allowed");
        }
        PhotoSource.Download download = source.download(url, settings.maxBytes());
        if (download.failure() != null) {
            return failed(url, download.failure());
        }
        try {
            return current.inspect(url, download.contentType(), download.bytes());
        } catch (RuntimeException e) {
            return failed(url, "not inspected: " + e);
        }
    }

    private static ImageFacts failed(String url, String warning) {
        return new ImageFacts(url, null, 0, 0, Map.of(), List.of(warning));
    }
}
