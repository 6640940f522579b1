package org.markguard.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads OpenGraph (og:*) and Facebook product (product:*) meta tags. */
final class OpenGraphSource {
    private OpenGraphSource() {
    }

    static ProductFields read(PageScan scan) {
        Document doc = scan.doc;
        Map<String, List<String>> properties = properties(scan);
        ProductFields fields = new ProductFields(FieldSource.OPENGRAPH);
        String type = first(properties, "og:type");
        String amount = first(properties, "product:price:amount", "og:price:amount", "product:sale_price:amount");
        // og:type "product", "product.item", "og:product"; or a price, which only products have
        fields.product = (type != null && type.toLowerCase(Locale.ROOT).replace("og:", "").startsWith("product"))
                || amount != null;
        fields.title(first(properties, "og:title"));
        fields.description(first(properties, "og:description"));
        for (String key : List.of("og:image", "og:image:url", "og:image:secure_url")) {
            for (String image : properties.getOrDefault(key, List.of())) {
                fields.image(Urls.absolute(doc.location(), image));
            }
        }
        String currency = first(properties, "product:price:currency", "og:price:currency",
                "product:sale_price:currency");
        PriceParser.parse(amount, currency).ifPresent(fields::offer);
        if (fields.currency == null) {
            fields.currency = PriceParser.currencyCode(currency);
        }
        fields.brand(first(properties, "product:brand", "og:brand"));
        fields.sku(first(properties, "product:retailer_item_id"));
        fields.availability(first(properties, "product:availability", "og:availability"));
        fields.canonicalUrl(Urls.absolute(doc.location(), first(properties, "og:url")));
        return fields;
    }

    /** og:/product: meta values by lower-cased key; name= is accepted too, many sites use it. */
    private static Map<String, List<String>> properties(PageScan scan) {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Element meta : scan.metas) {
            String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
            key = key.strip().toLowerCase(Locale.ROOT);
            if (key.startsWith("og:") || key.startsWith("product:")) {
                properties.computeIfAbsent(key, k -> new ArrayList<>()).add(meta.attr("content"));
            }
        }
        return properties;
    }

    private static String first(Map<String, List<String>> properties, String... keys) {
        for (String key : keys) {
            for (String value : properties.getOrDefault(key, List.of())) {
                if (value != null && !value.isBlank()) {
                    return value.strip();
                }
            }
        }
        return null;
    }
}
