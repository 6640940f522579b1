package org.markguard.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Reads the schema.org Product declared in the page's JSON-LD blocks. */
final class JsonLdSource {
    static final Set<String> PRODUCT_TYPES = Set.of("product", "productgroup", "productmodel",
            "individualproduct", "someproducts");
    // lists of products are category pages or "you may also like": never the page's product
    private static final Set<String> LIST_TYPES = Set.of("itemlist", "breadcrumblist", "offercatalog",
            "searchresultspage", "collectionpage");
    private static final Set<String> LIST_KEYS = Set.of("itemListElement", "isRelatedTo", "isSimilarTo",
            "isAccessoryOrSparePartFor", "isConsumableFor", "hasPart");

    private final String baseUri;
    private final List<String> warnings;
    private final Map<String, JsonNode> nodesById = new HashMap<>();

    private JsonLdSource(String baseUri, List<String> warnings) {
        this.baseUri = baseUri;
        this.warnings = warnings;
    }

    static ProductFields read(PageScan scan, List<String> warnings) {
        return new JsonLdSource(scan.doc.location(), warnings).read(scan);
    }

    private ProductFields read(PageScan scan) {
        ProductFields fields = new ProductFields(FieldSource.JSON_LD);
        List<JsonNode> blocks = new ArrayList<>();
        int number = 0;
        for (Element script : scan.scripts) {
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/ld+json")) {
                continue;
            }
            number++;
            try {
                JsonNode block = Json.parse(Text.scriptData(script));
                if (block != null) {
                    blocks.add(block);
                    index(block, 0);
                }
            } catch (Exception e) { // JsonProcessingException, or the parser's limits
                warnings.add("JSON-LD block " + number + " is not valid JSON: " + Text.brief(e));
            }
        }
        for (JsonNode block : blocks) {
            JsonNode product = findProduct(block, 0);
            if (product != null) {
                fields.product = true;
                readProduct(product, fields);
                break;
            }
        }
        return fields;
    }

    /** Remembers every node with an @id, so that {"@id": "#seller"} references can be followed. */
    private void index(JsonNode node, int depth) {
        if (depth > Json.MAX_DEPTH || node == null) {
            return;
        }
        if (node.isObject()) {
            String id = Json.text(node.get("@id"));
            if (id != null && node.size() > 1) {
                nodesById.putIfAbsent(id, node);
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> index(child, depth + 1));
        }
    }

    /** A reference-only node replaced by the node it points to; anything else as it is. */
    private JsonNode resolve(JsonNode node) {
        if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
            JsonNode target = nodesById.get(Json.text(node.get("@id")));
            return target == null ? node : target;
        }
        return node;
    }

    /** Depth-first, document order: the first Product outside of product lists. */
    private JsonNode findProduct(JsonNode node, int depth) {
        if (node == null || depth > Json.MAX_DEPTH) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode found = findProduct(element, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (hasType(node, PRODUCT_TYPES)) {
            return node;
        }
        if (hasType(node, LIST_TYPES)) {
            return null;
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!LIST_KEYS.contains(field.getKey())) {
                JsonNode found = findProduct(field.getValue(), depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Whether @type (a string or an array, full IRI or short name) names one of the types. */
    static boolean hasType(JsonNode node, Set<String> types) {
        for (JsonNode type : Json.list(node.get("@type"))) {
            String name = Json.text(type);
            if (name != null && types.contains(localName(name))) {
                return true;
            }
        }
        return false;
    }

    /** "http://schema.org/Product", "schema:Product" and "Product" all give "product". */
    static String localName(String type) {
        String t = type.strip();
        int cut = Math.max(t.lastIndexOf('/'), Math.max(t.lastIndexOf(':'), t.lastIndexOf('#')));
        return t.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    private void readProduct(JsonNode product, ProductFields fields) {
        fields.title(Json.text(product, "name"));
        fields.descriptionFromMarkup(Json.text(product, "description"));
        fields.sku(Json.text(product, "sku"));
        fields.gtin(Json.text(product, "gtin13", "gtin", "gtin12", "gtin14", "gtin8", "ean"));
        JsonNode rating = resolve(Json.field(product, "aggregateRating"));
        fields.rating(Json.text(rating, "ratingValue"));
        readImages(product.get("image"), fields, 0);
        JsonNode brand = resolve(Json.field(product, "brand"));
        for (JsonNode b : Json.list(brand)) {
            fields.brand(b.isObject() ? Json.text(resolve(b), "name") : Json.text(b));
        }
        readOffers(product.get("offers"), fields);
        // some sites put the seller on the product rather than on its offer
        readSeller(resolve(Json.field(product, "seller")), fields);
    }

    private void readImages(JsonNode image, ProductFields fields, int depth) {
        if (depth > 3) {
            return;
        }
        for (JsonNode element : Json.list(resolve(image))) {
            JsonNode node = resolve(element);
            if (node.isObject()) {
                JsonNode url = Json.field(node, "url", "contentUrl", "@id");
                if (url != null && url.isContainerNode()) {
                    readImages(url, fields, depth + 1);
                } else {
                    fields.image(Urls.absolute(baseUri, Json.text(url)));
                }
            } else {
                fields.image(Urls.absolute(baseUri, Json.text(node)));
            }
        }
    }

    /** One offer's terms, collected before any is used: sold-out offers may have to be set aside. */
    private record Terms(PriceParser.Price price, PriceParser.Price high, String availability) {
        boolean soldOut() {
            return availability != null && SOLD_OUT.contains(availability.substring(availability.lastIndexOf('/') + 1)
                    .strip().toLowerCase(Locale.ROOT));
        }
    }

    private static final Set<String> SOLD_OUT = Set.of("outofstock", "soldout", "discontinued");

    /**
     * Offer, AggregateOffer (lowPrice, or its own offers) or an array of them. When some offers
     * (sizes, colours) can be bought and others are sold out, only the ones that can be bought
     * count: their lowest price is what a shopper pays, and the product is in stock.
     */
    private void readOffers(JsonNode offers, ProductFields fields) {
        List<Terms> terms = new ArrayList<>();
        collectOffers(offers, fields, terms, 0);
        boolean someBuyable = terms.stream().anyMatch(t -> !t.soldOut());
        boolean someSoldOut = terms.stream().anyMatch(Terms::soldOut);
        for (Terms t : terms) {
            if (someBuyable && someSoldOut && t.soldOut()) {
                continue;
            }
            if (t.price() != null) {
                fields.offer(t.price());
            }
            if (t.high() != null) {
                fields.offer(t.high()); // AggregateOffer: the range's upper bound
            }
            fields.availability(t.availability());
        }
    }

    private void collectOffers(JsonNode offers, ProductFields fields, List<Terms> terms, int depth) {
        if (depth > 3) {
            return;
        }
        for (JsonNode element : Json.list(resolve(offers))) {
            JsonNode offer = resolve(element);
            if (!offer.isObject()) {
                continue;
            }
            String currency = Json.text(offer, "priceCurrency");
            JsonNode price = Json.field(offer, "price", "lowPrice");
            if (price == null) {
                for (JsonNode spec : Json.list(resolve(offer.get("priceSpecification")))) {
                    price = price == null ? Json.field(spec, "price", "minPrice") : price;
                    currency = currency == null ? Json.text(spec, "priceCurrency") : currency;
                }
            }
            terms.add(new Terms(Json.price(price, currency).orElse(null),
                    Json.price(Json.field(offer, "highPrice"), currency).orElse(null),
                    Json.text(offer, "availability")));
            if (fields.currency == null) {
                fields.currency = PriceParser.currencyCode(currency);
            }
            readSeller(resolve(Json.field(offer, "seller", "offeredBy")), fields);
            collectOffers(offer.get("offers"), fields, terms, depth + 1);
        }
    }

    private void readSeller(JsonNode seller, ProductFields fields) {
        if (seller == null) {
            return;
        }
        if (seller.isTextual()) {
            fields.sellerName(seller.textValue());
            return;
        }
        if (!seller.isObject()) {
            return;
        }
        fields.sellerName(Json.text(seller, "name", "legalName", "alternateName"));
        JsonNode identifier = Json.field(seller, "identifier");
        if (identifier != null && identifier.isObject()) {
            identifier = Json.field(identifier, "value", "@value");
        }
        fields.sellerId(Json.text(identifier));
        String id = Json.text(seller, "@id");
        if (id != null && !id.startsWith("_:")) { // blank-node ids are not stable across pages
            fields.sellerId(id);
        }
        String url = Json.text(seller, "url");
        String fromLink = Urls.sellerIdFromLink(url);
        fields.sellerId(fromLink != null ? fromLink : url);
        for (JsonNode address : Json.list(resolve(Json.field(seller, "address", "location")))) {
            JsonNode a = resolve(address);
            fields.sellerLocation(a.isObject()
                    ? Json.text(a, "addressRegion", "addressLocality", "name")
                    : Json.text(a));
        }
    }
}
