package org.markguard.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.api.Registries;

/**
 * The whole demo site as a function from a request path to a page, independent of HTTP so that
 * tests can walk it without a server. Pages are rendered on each request from the generator.
 */
final class DemoSite {
    /**
     * The platforms, in the order the root page lists them. Add a new style here. The last two live
     * under {@code /lab/} and are not linked from the root (see {@link PlatformStyle#onRoot}).
     */
    static final List<PlatformStyle> STYLES = List.of(new ShopeeStyle(), new LazadaStyle(), new TikTokStyle(),
            new FacebookStyle(), new RaoVatStyle(), new JsRenderStyle(), new PrivateGroupStyle());

    static final String HTML = "text/html; charset=utf-8";
    private static final Pattern SELLER_ID = Pattern.compile("^[a-z0-9.-]{1,64}$");
    private static final Pattern IMAGE = Pattern.compile("^/img/(\\d{1,15})-(\\d{1,2})\\.(png|jpg)$");
    private static final Pattern PAGE_QUERY = Pattern.compile("^page=(\\d{1,6})$");

    /** A response: status, content type, body, and for redirects the target. */
    record Page(int status, String contentType, byte[] body, String location) {
        static Page html(int status, String html) {
            return new Page(status, HTML, html.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private final ListingGenerator generator;
    private final SiteLinks links;
    private final ListingIndex index;
    private final NavigationPages navigation;
    private final LabPages lab;
    private final ProductPhotos photos;
    private final PriceLists priceLists;
    /** Where the lab's redirects end: the first online Lazada listing (else any), computed once. */
    private final String redirectTarget;

    DemoSite(long seed, int count, Registries registries, String baseUrl) {
        this(seed, count, registries, baseUrl, 1);
    }

    /** A site in a given generation: later generations reprice and remove some listings (see {@link Generations}). */
    DemoSite(long seed, int count, Registries registries, String baseUrl, int generation) {
        List<String> keys = STYLES.stream().map(PlatformStyle::key).toList();
        this.generator = new ListingGenerator(seed, count, registries, STYLES, generation);
        this.links = new SiteLinks(baseUrl);
        this.index = new ListingIndex(generator, keys);
        this.navigation = new NavigationPages(STYLES, index, generator, links);
        this.lab = new LabPages(seed);
        this.photos = new ProductPhotos(seed, generator.sellers());
        this.priceLists = new PriceLists(seed, generator.sellers());
        this.redirectTarget = firstListingPath();
    }

    private String firstListingPath() {
        for (PlatformStyle style : STYLES) {
            for (ProductCategory c : ProductCategory.values()) {
                int[] listings = index.listings(style.key(), c);
                if (listings.length > 0 && style.key().equals("lazada")) {
                    return style.listingPath(generator.listing(listings[0]));
                }
            }
        }
        return generator.count() > 0 && generator.listing(0).online() ? listingPath(generator.listing(0)) : "/";
    }

    /** The path the lab's redirect chains and meta refresh end on. */
    String redirectTarget() {
        return redirectTarget;
    }

    PriceLists priceLists() {
        return priceLists;
    }

    ProductPhotos photos() {
        return photos;
    }

    ListingIndex index() {
        return index;
    }

    ListingGenerator generator() {
        return generator;
    }

    SiteLinks links() {
        return links;
    }

    PlatformStyle style(String key) {
        for (PlatformStyle s : STYLES) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    String listingPath(DemoListing listing) {
        return style(listing.platform()).listingPath(listing);
    }

    /** The absolute URL a listing is served under; its label id is the SHA-256 of this string. */
    String listingUrl(DemoListing listing) {
        return links.absolute(listingPath(listing));
    }

    void writeLabels(OutputStream out) throws IOException {
        new LabelsWriter(this).write(out);
    }

    byte[] labels() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeLabels(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Answers a GET for a decoded path and raw query (may be null), without cookies. */
    Page get(String path, String query) {
        return get(path, query, null);
    }

    /** Answers a GET; {@code cookie} is the Cookie request header or null. */
    Page get(String path, String query, String cookie) {
        if (path.equals("/")) {
            return query == null ? Page.html(200, navigation.root()) : notFound();
        }
        if (path.equals("/robots.txt")) {
            return new Page(200, "text/plain; charset=utf-8", NavigationPages.ROBOTS.getBytes(StandardCharsets.UTF_8), null);
        }
        if (path.equals(SiteLinks.LABELS)) {
            return new Page(200, "application/json; charset=utf-8", labels(), null);
        }
        if (path.equals(SiteLinks.PRIVATE_PAGE)) {
            return Page.html(200, navigation.privatePage());
        }
        Matcher image = IMAGE.matcher(path);
        if (image.matches()) {
            return photo(Long.parseLong(image.group(1)), Integer.parseInt(image.group(2)), image.group(3));
        }
        for (PlatformStyle style : STYLES) {
            String home = style.homePath();
            if (path.equals(home.substring(0, home.length() - 1))) {
                return new Page(301, HTML, new byte[0], home);
            }
            if (path.startsWith(home)) {
                if (style instanceof PrivateGroupStyle && !PrivateGroupStyle.admits(cookie)) {
                    return Page.html(403, PrivateGroupStyle.forbidden());
                }
                return platformPage(style, path, query);
            }
        }
        if (path.equals("/lab") || path.startsWith(SiteLinks.LAB)) {
            Page page = lab.get(path, query, redirectTarget);
            return page == null ? notFound() : page;
        }
        return notFound();
    }

    private Page platformPage(PlatformStyle style, String path, String query) {
        if (path.equals(style.homePath())) {
            return Page.html(200, navigation.platformHome(style));
        }
        for (ProductCategory c : ProductCategory.values()) {
            if (style.categoryPath(c).equals(path)) {
                int page = pageNumber(query);
                String html = page < 1 ? null : navigation.categoryPage(style, c, page);
                return html == null ? notFound() : Page.html(200, html);
            }
        }
        String sellerPrefix = style.sellerPath("");
        String pdfSuffix = "/" + PriceLists.FILE_NAME;
        if (PriceLists.offeredOn(style) && path.startsWith(sellerPrefix) && path.endsWith(pdfSuffix)) {
            String sellerId = path.substring(sellerPrefix.length(), path.length() - pdfSuffix.length());
            return !SELLER_ID.matcher(sellerId).matches() ? notFound() : generator.sellers().byId(sellerId)
                    .flatMap(s -> priceLists.pdf(s.id(), s.name()))
                    .map(pdf -> new Page(200, "application/pdf", pdf, null)).orElseGet(this::notFound);
        }
        if (path.startsWith(sellerPrefix) && SELLER_ID.matcher(path.substring(sellerPrefix.length())).matches()) {
            String html = navigation.shopPage(style, path.substring(sellerPrefix.length()));
            return html == null ? notFound() : Page.html(200, html);
        }
        OptionalLong itemId = style.itemIdIn(path);
        OptionalInt index = itemId.isPresent() ? generator.indexOf(itemId.getAsLong()) : OptionalInt.empty();
        if (index.isEmpty()) {
            return notFound();
        }
        DemoListing listing = generator.listing(index.getAsInt());
        // the id must be this platform's and the rest of the URL (slug, shop id) must be the canonical one
        if (!listing.platform().equals(style.key()) || !style.listingPath(listing).equals(path)) {
            return notFound();
        }
        if (!listing.online()) {
            // removed in an earlier generation: 410 Gone or a plain 404, as its label says
            return listing.history().goneStatus() == 410 ? Page.html(410, navigation.gone()) : notFound();
        }
        return Page.html(200, style.render(listing, links));
    }

    /** Image k of a listing, when the listing shows that many and the extension is the one its page links. */
    private Page photo(long itemId, int k, String extension) {
        OptionalInt index = generator.indexOf(itemId);
        if (index.isEmpty()) {
            return notFound();
        }
        DemoListing listing = generator.listing(index.getAsInt());
        if (k < 1 || k > listing.imageCount() || !ProductPhotos.extension(listing, k).equals(extension)) {
            return notFound();
        }
        ProductPhotos.Photo photo = photos.photo(listing, k);
        return new Page(200, photo.contentType(), photo.bytes(), null);
    }

    /** Page 1 when there is no query, the page number for {@code page=N}, -1 for anything else. */
    private static int pageNumber(String query) {
        if (query == null || query.isEmpty()) {
            return 1;
        }
        Matcher m = PAGE_QUERY.matcher(query);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private Page notFound() {
        return Page.html(404, navigation.notFound());
    }
}
