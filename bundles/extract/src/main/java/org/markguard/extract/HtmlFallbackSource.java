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
 * link, a location next to it). Nothing here is specific to one site; site profiles come later.
 * This source never decides on its own that a page offers a product.
 */
final class HtmlFallbackSource {
    private static final int MAX_NAME = 120;
    private static final int MAX_PRICE_TEXT = 60;
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
    private static final Evaluator PRICE = QueryParser.parse("[itemprop=price], [class*=price]");
    private static final Evaluator LINK = QueryParser.parse("a[href]");
    // class names that mark a crossed-out or reference price, not the price asked
    private static final Pattern NOT_THE_PRICE = Pattern.compile("old|original|before|strike|was|list|regular|"
            + "compare|discount|percent|save");
    // "best-seller" badges and "seller-info" containers are not the name
    private static final Pattern NOT_A_NAME = Pattern.compile("location|best|top|rating|badge|info|wrap|container|"
            + "list|follow|chat|avatar|logo");

    private final Document doc;

    private HtmlFallbackSource(Document doc) {
        this.doc = doc;
    }

    static ProductFields read(Document doc) {
        return new HtmlFallbackSource(doc).read();
    }

    private ProductFields read() {
        ProductFields fields = new ProductFields(FieldSource.HTML);
        // the first h1 before <title>: titles carry the site's name ("… | Shop"), h1s rarely do
        Element h1 = doc.selectFirst("h1");
        fields.title(h1 == null ? null : h1.text());
        fields.title(doc.title());
        Element description = doc.selectFirst("meta[name=description][content]");
        fields.description(description == null ? null : description.attr("content"));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        fields.canonicalUrl(canonical == null ? null : canonical.absUrl("href"));
        Element sellerName = sellerNameElement();
        if (sellerName != null) {
            fields.sellerName(sellerName.text());
        }
        fields.sellerId(sellerId(sellerName));
        fields.sellerLocation(sellerLocation(sellerName));
        readPrice(fields);
        return fields;
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

    private void readPrice(ProductFields fields) {
        for (Element candidate : limit(doc.select(PRICE))) {
            if (NOT_THE_PRICE.matcher(classes(candidate)).find()) {
                continue;
            }
            String text = candidate.hasAttr("content") ? candidate.attr("content") : candidate.text();
            if (text.length() <= MAX_PRICE_TEXT) {
                PriceParser.parse(text).ifPresent(fields::offer);
                if (fields.price != null) {
                    return;
                }
            }
        }
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
