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

    /** The item id captured by group 1 of a listing-path pattern, when the whole path matches. */
    static java.util.OptionalLong itemIdMatching(java.util.regex.Pattern listing, String path) {
        java.util.regex.Matcher m = listing.matcher(path);
        return m.matches() ? java.util.OptionalLong.of(Long.parseLong(m.group(1))) : java.util.OptionalLong.empty();
    }

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

    /** Relative share of the site's listings this platform gets. */
    default int share() {
        return 22;
    }

    /**
     * Whether the root page links this platform's home and hostile listings may land on it. The
     * crawler-test platforms under {@code /lab/} (JavaScript-rendered, cookie-gated) say false.
     */
    default boolean onRoot() {
        return true;
    }

    /** The platform home, which links every category page; ends with a slash. */
    default String homePath() {
        return "/" + key() + "/";
    }

    /** Page 1 of a category; other pages add {@code ?page=N}. */
    default String categoryPath(ProductCategory category) {
        return homePath() + "cat/" + category.slug();
    }

    /** A seller's page (shop, profile). */
    default String sellerPath(String sellerId) {
        return homePath() + "shop/" + sellerId;
    }
}
