package org.markguard.extract;

import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Generic HTML heuristics, the least trusted source: title, meta description, canonical link and
 * the seller block most shop templates have (a shop-name / seller-name element, a /shop/&lt;id&gt;
 * link, a location next to it), the visible price ({@link VisiblePrice}) and the SKU, brand and stock
 * notice ({@link VisibleFacts}). Nothing here is specific to one site (site profiles are
 * {@link ProfileSource}). On its own this source calls a page a product only when it shows a title
 * (h1), a price and a way to buy (an add-to-cart control, or shop controls next to a price right
 * under the title); a blog post that mentions a price is not one.
 */
final class HtmlFallbackSource {
    private static final int MAX_NAME = 120;
    private static final int MAX_CANDIDATES = 100;
    // parsed once: the queries are the same for every page
    private static final Evaluator ITEMPROP_NAME = QueryParser.parse(
            "[itemprop=seller] [itemprop=name], [itemprop=seller]:not([itemscope])");
    private static final Evaluator ANY_LOCATION = QueryParser.parse("[class*=location], [itemprop*=location]");
    private static final Evaluator LINK = QueryParser.parse("a[href]");
    // add-to-cart / buy controls, in the languages of the shops crawled and the common ones
    private static final Evaluator BUY = QueryParser.parse("button[class*=cart], button[id*=cart], "
            + "button[class*=buy], button[id*=buy], input[type=submit][value~=(?i)cart|buy|kaufen|panier|carrito|"
            + "carrinho|carrello|koszyk|košík|mua|order], [class*=add-to-cart], [class*=addtocart], [id*=addtocart], "
            + "[id*=add-to-cart], [class*=add_to_cart], [id*=add_to_cart], [class*=AddToCart], [id*=AddToCart], "
            + "[class*=buy-now], [class*=buynow], [class*=add-to-bag], [class*=addToCart], [id*=addToCart], "
            + "button:matchesOwn((?i)add to (cart|bag|basket)|buy now|in den warenkorb|warenkorb|ajouter au panier|"
            + "añadir al carrito|comprar|aggiungi al carrello|do koszyka|do košíka|в корзину|kosárba|sepete ekle|"
            + "mua ngay|thêm vào giỏ|đặt hàng|chọn mua), a:matchesOwn((?i)add to (cart|bag|basket)|buy now|"
            + "in den warenkorb|mua ngay|thêm vào giỏ|в корзину)");
    private static final Evaluator SHOP_CONTROLS = QueryParser.parse("form[action*=cart], form[action*=basket], "
            + "form[action*=checkout], input[name*=qty], input[name*=quantity], input[id*=quantity], [class*=quantity], "
            + "[class*=qty], select[name*=size], select[id*=size], [class*=cart], [id*=cart], [class*=basket], "
            + "[class*=wishlist], [class*=checkout]");
    private static final Words PRODUCT_IMAGE = Words.of("product|gallery|main|zoom|primary|hero|"
            + "detail|pdp|itemprop|image");
    // "best-seller" badges and "seller-info" containers are not the name
    private static final Words NOT_A_NAME = Words.of("location|best|top|rating|badge|info|wrap|container|"
            + "list|follow|chat|avatar|logo");

    private final Document doc;
    private final PageScan scan;

    private HtmlFallbackSource(PageScan scan) {
        this.doc = scan.doc;
        this.scan = scan;
    }

    /**
     * @param known what the more trusted sources already found: searches for facts they gave (a
     *     seller block, a brand label, a stock notice) are skipped, they could not win anyway; the
     *     SKU label is still read, a code the page shows beats one it hides ({@link VisibleFacts})
     */
    static ProductFields read(PageScan scan, ProductFields known) {
        return new HtmlFallbackSource(scan).read(known);
    }

    private ProductFields read(ProductFields known) {
        ProductFields fields = new ProductFields(FieldSource.HTML);
        // the product's h1 before <title>: titles carry the site's name ("… | Shop"), h1s rarely do
        Element h1 = scan.titleHeading();
        fields.title(h1 == null ? null : h1.text());
        fields.title(doc.title());
        fields.description(scan.description == null ? null : scan.description.attr("content"));
        Element canonical = scan.canonical;
        fields.canonicalUrl(canonical == null ? null : Urls.absolute(doc.baseUri(), canonical.attr("href")));
        // the seller block heuristics: only when no trusted source named the seller
        if (known.sellerName == null || known.sellerId == null || known.sellerLocation == null) {
            Element sellerName = sellerNameElement();
            if (sellerName != null) {
                fields.sellerName(sellerName.text());
            }
            fields.sellerId(sellerId(sellerName));
            fields.sellerLocation(sellerLocation(sellerName));
        }
        boolean[] priceNearTitle = {false};
        VisiblePrice.find(scan).ifPresent(found -> {
            priceNearTitle[0] = found.nearTitle();
            fields.offer(found.price());
            fields.originalPrice(found.original() == null ? null : new PriceParser.Price(found.original(), null));
            if (found.high() != null) {
                fields.highestPrice = found.high();
            }
        });
        VisibleFacts.read(scan, fields, known);
        if (known.imageAlts.isEmpty()) {
            readImageAlts(fields);
        }
        // a shown price, a product title and a way to buy: a product page without structured data
        // (or, sold out, no price but an identifier and a stock notice); asked only when it matters
        if (h1 != null && !known.product) {
            fields.product = fields.price != null && (doc.selectFirst(BUY) != null || priceNearTitle[0] && hasShopControls())
                    || fields.sku != null && "OutOfStock".equals(fields.availability);
        }
        return fields;
    }

    /** A quantity field, a cart form, a size or colour picker: the furniture of a shop, not of a blog. */
    private boolean hasShopControls() {
        return doc.selectFirst(SHOP_CONTROLS) != null;
    }

    /** Alternative texts of the product's images (gallery, itemprop=image, og:image), not of the page's icons. */
    private void readImageAlts(ProductFields fields) {
        String ogImage = null;
        for (Element meta : scan.metas) {
            if (meta.attr("property").trim().equalsIgnoreCase("og:image")) {
                ogImage = Urls.absolute(doc.baseUri(), meta.attr("content"));
                break;
            }
        }
        String ogFile = ogImage == null ? "" : fileName(ogImage);
        int checked = 0;
        for (Element img : scan.imagesWithAlt) {
            if (++checked > 500) {
                return;
            }
            boolean product = namesAProductImage(img.className()) || namesAProductImage(img.id())
                    || namesAProductImage(img.attr("itemprop"))
                    || img.parent() != null && namesAProductImage(img.parent().className())
                    || ogImage != null && isSameImage(ogImage, ogFile, img);
            if (product) {
                fields.imageAlt(img.attr("alt"));
            }
        }
    }

    private static boolean namesAProductImage(String name) {
        return !name.isEmpty() && PRODUCT_IMAGE.in(PageScan.lower(name));
    }

    /**
     * Whether the img shows this absolute URL. Resolving every src is costly: an src that does
     * not end like the URL's path cannot resolve to it.
     */
    private static boolean isSameImage(String absolute, String fileName, Element img) {
        String src = img.attr("src");
        return !src.isBlank() && (fileName.isEmpty() || src.contains(fileName))
                && absolute.equals(Urls.absolute(img.baseUri(), src));
    }

    /** The last path segment of a URL, without query or fragment: "" when there is none. */
    private static String fileName(String url) {
        int end = url.length();
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) == '?' || url.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        int slash = url.lastIndexOf('/', end - 1);
        return url.substring(slash + 1, end);
    }

    private Element sellerNameElement() {
        for (Element candidate : limit(scan.sellerNames)) {
            if (isShortText(candidate) && !NOT_A_NAME.in(classes(candidate))) {
                return candidate;
            }
        }
        Element itemprop = scan.itempropSellers.isEmpty() ? null : doc.selectFirst(ITEMPROP_NAME);
        if (itemprop != null && isShortText(itemprop)) {
            return itemprop;
        }
        for (Element candidate : limit(scan.sellerBlocks)) {
            if (isShortText(candidate) && !NOT_A_NAME.in(classes(candidate))
                    && candidate.selectFirst(ANY_LOCATION) == null) {
                return candidate;
            }
        }
        return null;
    }

    /** A shop link on, around or inside the name element first; else the first shop link of the page. */
    private String sellerId(Element name) {
        if (name != null) {
            Element link = name.normalName().equals("a") ? name : name.closest(LINK);
            if (link == null) {
                link = name.selectFirst(LINK);
            }
            String id = link == null ? null : Urls.sellerIdFromLink(link.absUrl("href"));
            if (id != null) {
                return id;
            }
        }
        Element data = scan.sellerData;
        if (data != null) {
            for (String key : new String[] {"data-seller-id", "data-shop-id", "data-shopid", "data-sellerid"}) {
                if (!data.attr(key).isBlank()) {
                    return data.attr(key);
                }
            }
        }
        for (Element link : limit(scan.shopLinks)) {
            String id = Urls.sellerIdFromLink(link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href"));
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** A location element in the seller's block (up to three levels up), else anywhere. */
    private String sellerLocation(Element name) {
        if (name != null && !scan.locations.isEmpty()) {
            Element block = name;
            for (int level = 0; level < 3 && block.parent() != null; level++) {
                block = block.parent();
                Element location = firstWithin(scan.locations, block);
                if (location != null && isShortText(location)) {
                    return location.text();
                }
            }
        }
        for (List<Element> candidates : List.of(scan.shopLocations, scan.locations)) {
            for (Element location : limit(candidates)) {
                if (isShortText(location)) {
                    return location.text();
                }
            }
        }
        return null;
    }

    /** The first of the candidates (document order) that is the block or inside it. */
    private static Element firstWithin(List<Element> candidates, Element block) {
        for (Element candidate : candidates) {
            if (PageScan.within(candidate, block)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isShortText(Element element) {
        if (Text.visibleLengthExceeds(element, MAX_NAME)) {
            return false; // a container: its whole text is not built to be measured
        }
        String text = element.text().strip();
        return !text.isEmpty() && text.length() <= MAX_NAME;
    }

    private static String classes(Element element) {
        return element.className().toLowerCase(Locale.ROOT);
    }

    private static List<Element> limit(List<Element> elements) {
        return elements.size() <= MAX_CANDIDATES ? elements : elements.subList(0, MAX_CANDIDATES);
    }
}
