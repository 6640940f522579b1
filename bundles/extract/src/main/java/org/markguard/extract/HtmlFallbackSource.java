package org.markguard.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
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
    private static final Evaluator NAME = QueryParser.parse("[class*=shop-name], [class*=seller-name], "
            + "[class*=shopname], [class*=sellername], [itemprop*=shop-name], [itemprop*=seller-name]");
    private static final Evaluator ITEMPROP_NAME = QueryParser.parse(
            "[itemprop=seller] [itemprop=name], [itemprop=seller]:not([itemscope])");
    private static final Evaluator GENERIC_NAME = QueryParser.parse("[class*=seller], [class*=shop-title]");
    private static final Evaluator SHOP_LOCATION = QueryParser.parse("[class*=shop-location], [class*=seller-location]");
    private static final Evaluator ANY_LOCATION = QueryParser.parse("[class*=location], [itemprop*=location]");
    private static final Evaluator LOCATION = QueryParser.parse("[class*=shop-location], [class*=seller-location], "
            + "[class*=location], [itemprop*=location]");
    private static final Evaluator SELLER_DATA = QueryParser.parse(
            "[data-seller-id], [data-shop-id], [data-shopid], [data-sellerid]");
    private static final Evaluator SHOP_LINK = QueryParser.parse("a[href*=/shop/], a[href*=/seller/]");
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
    private static final Pattern PRODUCT_IMAGE = Pattern.compile("product|gallery|main|zoom|primary|hero|"
            + "detail|pdp|itemprop|image");
    // "best-seller" badges and "seller-info" containers are not the name
    private static final Pattern NOT_A_NAME = Pattern.compile("location|best|top|rating|badge|info|wrap|container|"
            + "list|follow|chat|avatar|logo");

    private final Document doc;

    private HtmlFallbackSource(Document doc) {
        this.doc = doc;
    }

    static ProductFields read(Document doc) {
        return read(doc, new ProductFields(FieldSource.HTML));
    }

    /**
     * @param known what the more trusted sources already found: page-wide searches for facts they
     *     gave (an SKU label, a brand label) are skipped, they could not win anyway
     */
    static ProductFields read(Document doc, ProductFields known) {
        return new HtmlFallbackSource(doc).read(known);
    }

    private ProductFields read(ProductFields known) {
        ProductFields fields = new ProductFields(FieldSource.HTML);
        // the first h1 before <title>: titles carry the site's name ("… | Shop"), h1s rarely do
        Element h1 = doc.selectFirst("h1");
        fields.title(h1 == null ? null : h1.text());
        fields.title(doc.title());
        Element description = doc.selectFirst("meta[name=description][content]");
        fields.description(description == null ? null : description.attr("content"));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        fields.canonicalUrl(canonical == null ? null : canonical.absUrl("href"));
        // the seller block heuristics cost several page-wide searches: only when no trusted source named the seller
        if (known.sellerName == null || known.sellerId == null || known.sellerLocation == null) {
            Element sellerName = sellerNameElement();
            if (sellerName != null) {
                fields.sellerName(sellerName.text());
            }
            fields.sellerId(sellerId(sellerName));
            fields.sellerLocation(sellerLocation(sellerName));
        }
        boolean[] priceNearTitle = {false};
        VisiblePrice.find(doc).ifPresent(found -> {
            priceNearTitle[0] = found.nearTitle();
            fields.offer(found.price());
            fields.originalPrice(found.original() == null ? null : new PriceParser.Price(found.original(), null));
            if (found.high() != null) {
                fields.highestPrice = found.high();
            }
        });
        VisibleFacts.read(doc, fields, known);
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
        Element og = doc.selectFirst("meta[property=og:image][content]");
        String ogImage = og == null ? null : og.absUrl("content");
        int checked = 0;
        for (Element img : doc.select("img[alt]")) {
            if (++checked > 500) {
                return;
            }
            String where = img.className() + " " + img.id() + " " + img.attr("itemprop")
                    + (img.parent() == null ? "" : " " + img.parent().className());
            boolean product = PRODUCT_IMAGE.matcher(where.toLowerCase(Locale.ROOT)).find()
                    || (ogImage != null && ogImage.equals(img.absUrl("src")));
            if (product) {
                fields.imageAlt(img.attr("alt"));
            }
        }
    }

    private Element sellerNameElement() {
        for (Element candidate : limit(doc.select(NAME))) {
            if (isShortText(candidate) && !NOT_A_NAME.matcher(classes(candidate)).find()) {
                return candidate;
            }
        }
        Element itemprop = doc.selectFirst(ITEMPROP_NAME);
        if (itemprop != null && isShortText(itemprop)) {
            return itemprop;
        }
        for (Element candidate : limit(doc.select(GENERIC_NAME))) {
            if (isShortText(candidate) && !NOT_A_NAME.matcher(classes(candidate)).find()
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
        Element data = doc.selectFirst(SELLER_DATA);
        if (data != null) {
            for (String key : new String[] {"data-seller-id", "data-shop-id", "data-shopid", "data-sellerid"}) {
                if (!data.attr(key).isBlank()) {
                    return data.attr(key);
                }
            }
        }
        for (Element link : limit(doc.select(SHOP_LINK))) {
            String id = Urls.sellerIdFromLink(link.absUrl("href").isEmpty() ? link.attr("href") : link.absUrl("href"));
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    /** A location element in the seller's block (up to three levels up), else anywhere. */
    private String sellerLocation(Element name) {
        if (name != null) {
            Element block = name;
            for (int level = 0; level < 3 && block.parent() != null; level++) {
                block = block.parent();
                Element location = block.selectFirst(LOCATION);
                if (location != null && isShortText(location)) {
                    return location.text();
                }
            }
        }
        for (Evaluator selector : new Evaluator[] {SHOP_LOCATION, ANY_LOCATION}) {
            for (Element location : limit(doc.select(selector))) {
                if (isShortText(location)) {
                    return location.text();
                }
            }
        }
        return null;
    }

    private static boolean isShortText(Element element) {
        String text = element.text().strip();
        return !text.isEmpty() && text.length() <= MAX_NAME;
    }

    private static String classes(Element element) {
        return element.className().toLowerCase(Locale.ROOT);
    }

    private static Elements limit(Elements elements) {
        return elements.size() <= MAX_CANDIDATES ? elements : new Elements(elements.subList(0, MAX_CANDIDATES));
    }
}
