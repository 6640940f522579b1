package org.markguard.demo;

/**
 * The URLs of the site, relative ({@code /shopee/...}) for links and absolute for canonical URLs,
 * OpenGraph and labels. {@code baseUrl} always ends with a slash. Where a platform's pages live is
 * up to its {@link PlatformStyle}.
 */
record SiteLinks(String baseUrl) {
    static final String PRIVATE_PAGE = "/private/admin-export";
    static final String LABELS = "/labels.json";
    static final String LAB = "/lab/";

    SiteLinks {
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
    }

    String absolute(String path) {
        return baseUrl.substring(0, baseUrl.length() - 1) + path;
    }

    static String home(PlatformStyle style) {
        return style.homePath();
    }

    /** Page 1 has no query, so each category page has exactly one URL. */
    static String category(PlatformStyle style, ProductCategory category, int page) {
        return style.categoryPath(category) + (page > 1 ? "?page=" + page : "");
    }

    static String shop(PlatformStyle style, String sellerId) {
        return style.sellerPath(sellerId);
    }

    /** A producer's price list, next to its shop page. */
    static String priceList(PlatformStyle style, String sellerId) {
        return style.sellerPath(sellerId) + "/" + PriceLists.FILE_NAME;
    }

    String image(DemoListing listing, int k) {
        return absolute("/img/" + listing.itemId() + "-" + k + "." + ProductPhotos.extension(listing, k));
    }

    /** "Shopee › Túi & Ví", shown on listing pages so that they link back up. */
    static String breadcrumb(PlatformStyle style, ProductCategory category) {
        return "<nav class=\"breadcrumb\">" + Html.link(home(style), style.displayName()) + " › "
                + Html.link(category(style, category, 1), category.title()) + "</nav>\n";
    }
}
