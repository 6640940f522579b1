package org.markguard.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the product out of application state embedded in the page: Next.js {@code __NEXT_DATA__},
 * other {@code application/json} scripts and {@code window.__INITIAL_STATE__ = {...};} style
 * assignments. Single-page shops render almost nothing else, so this is often the only source.
 *
 * <p>The state has no schema; the first object that looks like a product (a title or name and a
 * price) is taken. Objects met inside an array of several elements are skipped: an array of
 * product-like objects is a search result or a "related products" strip, not the page's product.
 */
final class EmbeddedJsonSource {
    private static final Pattern STATE_ASSIGNMENT = Pattern.compile(
            "window\\.__[A-Za-z0-9_]+__\\s*=\\s*(?=[{\\[])|window\\[\"__[A-Za-z0-9_]+__\"]\\s*=\\s*(?=[{\\[])");
    private static final int MAX_NODES = 200_000;

    private static final String[] TITLE = {"title", "name", "productName", "product_name"};
    private static final String[] PRICE = {"price", "salePrice", "sale_price", "currentPrice", "finalPrice",
            "priceAmount", "amount"};
    private static final String[] AMOUNT = {"amount", "value", "price", "min", "minPrice"};
    private static final String[] CURRENCY = {"currency", "currencyCode", "priceCurrency", "currency_code"};
    private static final String[] IMAGES = {"images", "imageUrls", "image_urls", "image", "imageUrl",
            "image_url", "thumbnail", "cover"};
    private static final String[] SELLER = {"seller", "shop", "store", "vendor", "merchant"};
    private static final String[] SELLER_ID = {"id", "shopId", "shop_id", "sellerId", "seller_id", "userId",
            "handle", "username"};
    private static final String[] SELLER_NAME = {"name", "shopName", "shop_name", "sellerName", "nickname",
            "title"};
    private static final String[] LOCATION = {"location", "shopLocation", "shop_location", "region", "province",
            "city", "address"};

    private final Document doc;
    private final PageScan scan;
    private final List<String> warnings;
    private int visited;

    private EmbeddedJsonSource(PageScan scan, List<String> warnings) {
        this.doc = scan.doc;
        this.scan = scan;
        this.warnings = warnings;
    }

    static ProductFields read(PageScan scan, List<String> warnings) {
        return new EmbeddedJsonSource(scan, warnings).read();
    }

    private ProductFields read() {
        ProductFields fields = new ProductFields(FieldSource.EMBEDDED_JSON);
        for (Blob blob : blobs()) {
            JsonNode root;
            try {
                root = Json.parse(blob.json());
            } catch (Exception e) {
                warnings.add("embedded JSON " + blob.name() + " is not valid JSON: " + Text.brief(e));
                continue;
            }
            JsonNode product = findProduct(root, 0, false);
            if (product != null) {
                fields.product = true;
                readProduct(product, fields);
                return fields;
            }
        }
        return fields;
    }

    private record Blob(String name, String json) {
    }

    /** __NEXT_DATA__ first (the main state of Next.js shops), then other JSON, then assignments. */
    private List<Blob> blobs() {
        List<Blob> blobs = new ArrayList<>();
        Element next = scan.nextData;
        if (next != null && next.normalName().equals("script")) {
            blobs.add(new Blob("__NEXT_DATA__", Text.scriptData(next)));
        }
        for (Element script : scan.scripts) {
            if (script == next) {
                continue;
            }
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            String name = script.id().isEmpty() ? "script[type=application/json]" : "#" + script.id();
            if (type.startsWith("application/json")) {
                blobs.add(new Blob(name, Text.scriptData(script)));
            } else if (type.isEmpty() || type.contains("javascript")) {
                String code = Text.scriptData(script);
                if (!code.contains("window.__") && !code.contains("window[\"__")) {
                    continue; // the regex would try every position of the script
                }
                Matcher m = STATE_ASSIGNMENT.matcher(code);
                while (m.find()) {
                    String literal = balancedLiteral(code, m.end());
                    if (literal != null) {
                        blobs.add(new Blob(m.group().replaceAll("\\s*=\\s*$", "").strip(), literal));
                    }
                }
            }
        }
        return blobs;
    }

    /**
     * The JSON object or array literal starting at {@code start}, found by matching brackets
     * outside of strings (the assignment is followed by more script, so the parser cannot simply
     * read to the end).
     */
    static String balancedLiteral(String code, int start) {
        int depth = 0;
        char quote = 0;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return code.substring(start, i + 1);
                }
            }
        }
        return null;
    }

    /** Depth-first, document order; see the class comment for the array rule. */
    private JsonNode findProduct(JsonNode node, int depth, boolean inList) {
        if (node == null || depth > Json.MAX_DEPTH || ++visited > MAX_NODES) {
            return null;
        }
        if (node.isArray()) {
            boolean list = inList || node.size() > 1;
            for (JsonNode element : node) {
                JsonNode found = findProduct(element, depth + 1, list);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (!inList && looksLikeProduct(node)) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = findProduct(child, depth + 1, inList);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static boolean looksLikeProduct(JsonNode node) {
        String title = Json.text(Json.field(node, TITLE));
        if (title == null || title.isBlank() || !Json.field(node, TITLE).isTextual()) {
            return false;
        }
        return price(node).isPresent();
    }

    /** price as a number, a string, or an object {amount|value, currency}. */
    private static Optional<PriceParser.Price> price(JsonNode product) {
        JsonNode price = Json.field(product, PRICE);
        if (price == null) {
            return Optional.empty();
        }
        String currency = Json.text(product, CURRENCY);
        if (price.isObject()) {
            String own = Json.text(price, CURRENCY);
            return Json.price(Json.field(price, AMOUNT), own != null ? own : currency);
        }
        return price.isValueNode() ? Json.price(price, currency) : Optional.empty();
    }

    private void readProduct(JsonNode product, ProductFields fields) {
        fields.title(Json.text(product, TITLE));
        fields.descriptionFromMarkup(Json.text(product, "description", "desc", "shortDescription", "short_description"));
        price(product).ifPresent(fields::offer);
        if (fields.currency == null) {
            JsonNode price = Json.field(product, PRICE);
            fields.currency = PriceParser.currencyCode(Json.text(price != null && price.isObject()
                    ? Json.field(price, CURRENCY) : Json.field(product, CURRENCY)));
        }
        for (JsonNode image : Json.list(Json.field(product, IMAGES))) {
            String url = image.isObject() ? Json.text(image, "url", "src", "original", "large") : Json.text(image);
            fields.image(Urls.absolute(doc.location(), url));
        }
        JsonNode brand = Json.field(product, "brand");
        fields.brand(brand != null && brand.isObject() ? Json.text(brand, "name") : Json.text(brand));
        fields.sku(Json.text(product, "sku"));
        fields.gtin(Json.text(product, "gtin", "gtin13", "ean", "barcode"));
        JsonNode rating = Json.field(product, "rating", "ratingStar", "rating_star", "ratingAverage", "averageRating");
        fields.rating(rating != null && rating.isObject() ? Json.text(rating, "average", "value", "rating_star")
                : Json.text(rating));
        JsonNode sold = Json.field(product, "soldCount", "sold_count", "historicalSold", "historical_sold", "sold");
        fields.soldCount(sold == null ? null : sold.isNumber() ? Long.valueOf(sold.longValue())
                : SoldCounts.parse(Json.text(sold)));
        JsonNode before = Json.field(product, "originalPrice", "original_price", "priceBeforeDiscount",
                "price_before_discount", "listPrice", "list_price");
        Json.price(before != null && before.isObject() ? Json.field(before, AMOUNT) : before, null)
                .ifPresent(fields::originalPrice);
        // a livestream selling the product: its host (KOL/KOC)
        JsonNode live = Json.field(product, "livestream", "liveStream", "live", "live_stream");
        if (live != null && live.isObject()) {
            JsonNode host = Json.field(live, "host", "streamer", "anchor", "creator", "kol");
            fields.livestreamHost(host != null && host.isObject() ? Json.text(host, "name", "nickname", "handle")
                    : Json.text(host));
        }
        fields.livestreamHost(Json.text(product, "livestreamHost", "liveHost", "streamer"));
        JsonNode seller = Json.field(product, SELLER);
        if (seller != null && seller.isObject()) {
            fields.sellerId(Json.text(seller, SELLER_ID));
            fields.sellerName(Json.text(seller, SELLER_NAME));
            fields.sellerLocation(location(Json.field(seller, LOCATION)));
        } else if (seller != null && seller.isTextual()) {
            fields.sellerName(seller.textValue());
        }
        // flat variants: {"shopId": 1, "shopName": "…", "shopLocation": "…"} on the product
        fields.sellerId(Json.text(product, "sellerId", "seller_id", "shopId", "shop_id"));
        fields.sellerName(Json.text(product, "sellerName", "seller_name", "shopName", "shop_name"));
        fields.sellerLocation(location(Json.field(product, "sellerLocation", "shopLocation", "shop_location")));
    }

    private static String location(JsonNode location) {
        if (location != null && location.isObject()) {
            return Json.text(location, "name", "province", "region", "city", "addressRegion", "addressLocality");
        }
        return Json.text(location);
    }
}
