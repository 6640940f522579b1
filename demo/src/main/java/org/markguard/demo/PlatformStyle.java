package org.markguard.demo;

import java.util.OptionalLong;

/**
 * How one platform writes its listing pages and URLs. Each style puts the same listing data in a
 * different place (OpenGraph, JSON-LD, embedded app state), which is what the extractor must cope
 * with. Home, category and shop pages are common to all platforms (see {@link NavigationPages}).
 * A new platform (free-text group posts, classifieds with microdata) is one more implementation
 * registered in {@link DemoSite#STYLES}.
 */
interface PlatformStyle {

    /** Platform key: first URL path segment and the {@code platform} of listings and labels. */
    String key();

    /** Name shown on the site's pages. */
    String displayName();

    /** The path (starting with {@code /}) the listing is served under. */
    String listingPath(DemoListing listing);

    /** The item id a request path names if it has this platform's listing form; the caller checks the rest. */
    OptionalLong itemIdIn(String path);

    /** The complete listing page. */
    String render(DemoListing listing, SiteLinks links);
}
