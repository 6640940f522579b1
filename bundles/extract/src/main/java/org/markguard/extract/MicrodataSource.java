package org.markguard.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a schema.org Product from microdata. Properties are scoped as the microdata spec says:
 * an itemprop belongs to the nearest enclosing itemscope (so the seller's name is not taken for
 * the product's name), and itemref pulls in properties written elsewhere in the page.
 */
final class MicrodataSource {
    private static final int MAX_NESTING = 8;
    private static final int MAX_PROPERTIES = 2_000;
    private static final Set<String> URL_ATTRIBUTE_TAGS = Set.of("audio", "embed", "iframe", "img", "source",
            "track", "video");
    private static final Set<String> HREF_TAGS = Set.of("a", "area", "link");

    /** One microdata item: its types and its property values (String or Item), in page order. */
    record Item(Set<String> types, Map<String, List<Object>> properties) {
        List<Object> values(String property) {
            return properties.getOrDefault(property, List.of());
        }

        String text(String... names) {
            for (String name : names) {
                for (Object value : values(name)) {
                    String text = value instanceof Item item ? item.text("name") : (String) value;
                    if (text != null && !text.isBlank()) {
                        return text;
                    }
                }
            }
            return null;
        }

        List<Item> items(String name) {
            List<Item> items = new ArrayList<>();
            for (Object value : values(name)) {
                if (value instanceof Item item) {
                    items.add(item);
                }
            }
            return items;
        }
    }

    private final Document doc;
    private final PageScan scan;

    private MicrodataSource(PageScan scan) {
        this.doc = scan.doc;
        this.scan = scan;
    }

    static ProductFields read(PageScan scan) {
        return new MicrodataSource(scan).read();
    }

    private ProductFields read() {
        ProductFields fields = new ProductFields(FieldSource.MICRODATA);
        Element productElement = findProductElement();
        if (productElement == null) {
            return fields;
        }
        fields.product = true;
        Item product = item(productElement, 0);
        fields.title(product.text("name"));
        fields.description(product.text("description"));
        fields.sku(product.text("sku"));
        fields.brand(product.text("brand"));
        fields.gtin(product.text("gtin13", "gtin", "gtin12", "gtin14", "gtin8"));
        for (Item rating : product.items("aggregateRating")) {
            fields.rating(rating.text("ratingValue"));
        }
        for (Object image : product.values("image")) {
            fields.image(image instanceof Item item ? absolute(item.text("url", "contentUrl")) : absolute((String) image));
        }
        List<Item> offers = new ArrayList<>();
        for (Item offer : product.items("offers")) {
            offers.add(offer);
            offers.addAll(offer.items("offers"));
        }
        // as in JSON-LD: when some offers can be bought and others are sold out, the sold-out ones do not count
        boolean someSoldOut = offers.stream().anyMatch(MicrodataSource::soldOut);
        boolean someBuyable = offers.stream().anyMatch(o -> !soldOut(o));
        for (Item offer : offers) {
            if (!(someSoldOut && someBuyable && soldOut(offer))) {
                readOffer(offer, fields);
            }
        }
        // price and seller written on the product itself, without an Offer item
        readOffer(product, fields);
        return fields;
    }

    private static boolean soldOut(Item offer) {
        String availability = offer.text("availability");
        if (availability == null) {
            return false;
        }
        String term = availability.substring(availability.lastIndexOf('/') + 1).strip().toLowerCase(Locale.ROOT);
        return term.equals("outofstock") || term.equals("soldout") || term.equals("discontinued");
    }

    /** The first top-level Product item; a Product that is another item's property only if none. */
    private Element findProductElement() {
        Element nested = null;
        for (Element candidate : scan.items) {
            if (!isProduct(candidate)) {
                continue;
            }
            if (!candidate.hasAttr("itemprop")) {
                return candidate;
            }
            nested = nested == null ? candidate : nested;
        }
        return nested;
    }

    private static boolean isProduct(Element element) {
        for (String type : element.attr("itemtype").strip().split("\\s+")) {
            if (!type.isEmpty() && JsonLdSource.PRODUCT_TYPES.contains(JsonLdSource.localName(type))) {
                return true;
            }
        }
        return false;
    }

    private void readOffer(Item offer, ProductFields fields) {
        String currency = offer.text("priceCurrency");
        String price = offer.text("price", "lowPrice");
        PriceParser.parse(price, currency).ifPresent(fields::offer);
        if (fields.currency == null) {
            fields.currency = PriceParser.currencyCode(currency);
        }
        fields.availability(offer.text("availability"));
        for (Item seller : offer.items("seller")) {
            readSeller(seller, fields);
        }
        if (offer.items("seller").isEmpty()) {
            fields.sellerName(offer.text("seller")); // a seller written as plain text
        }
    }

    private void readSeller(Item seller, ProductFields fields) {
        fields.sellerName(seller.text("name", "legalName"));
        fields.sellerId(seller.text("identifier"));
        String url = seller.text("url");
        String fromLink = Urls.sellerIdFromLink(url);
        fields.sellerId(fromLink != null ? fromLink : url);
        for (Object address : seller.values("address")) {
            fields.sellerLocation(address instanceof Item a ? a.text("addressRegion", "addressLocality")
                    : (String) address);
        }
    }

    /** Collects an item's properties: its own subtree plus itemref'd elements, nested items apart. */
    private Item item(Element scope, int nesting) {
        Set<String> types = new LinkedHashSet<>(List.of(scope.attr("itemtype").strip().split("\\s+")));
        Map<String, List<Object>> properties = new LinkedHashMap<>();
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Element> pending = new ArrayDeque<>();
        seen.add(scope);
        List<Element> children = scope.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            pending.push(children.get(i));
        }
        for (String id : scope.attr("itemref").strip().split("\\s+")) {
            Element referenced = id.isEmpty() ? null : doc.getElementById(id);
            if (referenced != null) {
                pending.addLast(referenced);
            }
        }
        int count = 0;
        while (!pending.isEmpty() && count < MAX_PROPERTIES) {
            Element element = pending.pop();
            if (!seen.add(element)) {
                continue;
            }
            if (element.hasAttr("itemprop")) {
                Object value = value(element, nesting);
                for (String name : element.attr("itemprop").strip().split("\\s+")) {
                    if (!name.isEmpty()) {
                        properties.computeIfAbsent(propertyName(name), k -> new ArrayList<>()).add(value);
                        count++;
                    }
                }
            }
            if (!element.hasAttr("itemscope")) { // a nested item keeps its own properties
                List<Element> kids = element.children();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    pending.push(kids.get(i));
                }
            }
        }
        return new Item(types, properties);
    }

    /** "http://schema.org/price" used as an itemprop is the property "price". */
    private static String propertyName(String name) {
        return name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
    }

    private Object value(Element element, int nesting) {
        if (element.hasAttr("itemscope")) {
            return nesting < MAX_NESTING ? item(element, nesting + 1) : element.text();
        }
        // content= is only specified for meta, but shops put it on spans too, and mean it
        if (element.hasAttr("content")) {
            return element.attr("content");
        }
        String tag = element.normalName().toLowerCase(Locale.ROOT);
        if (URL_ATTRIBUTE_TAGS.contains(tag)) {
            return element.absUrl("src").isEmpty() ? element.attr("src").strip() : element.absUrl("src");
        }
        if (HREF_TAGS.contains(tag)) {
            return element.absUrl("href").isEmpty() ? element.attr("href").strip() : element.absUrl("href");
        }
        if (tag.equals("object")) {
            return element.absUrl("data");
        }
        if ((tag.equals("data") || tag.equals("meter")) && element.hasAttr("value")) {
            return element.attr("value");
        }
        if (tag.equals("time") && element.hasAttr("datetime")) {
            return element.attr("datetime");
        }
        return element.text();
    }

    private String absolute(String url) {
        return Urls.absolute(doc.location(), url);
    }
}
