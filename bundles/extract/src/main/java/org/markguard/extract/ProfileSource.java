package org.markguard.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Applies a platform's profile: for each field, rules tried in order, each a CSS selector (text,
 * or an attribute) or a path into a JSON script of the page. Applied after structured data and
 * before the generic HTML heuristics. Bad selectors or paths cost only their own field.
 */
final class ProfileSource {
    private static final int MAX_IMAGES = ProductFields.MAX_IMAGES;

    private final Document doc;
    private final List<String> warnings;
    private final Map<String, JsonNode> scripts = new HashMap<>();

    private ProfileSource(Document doc, List<String> warnings) {
        this.doc = doc;
        this.warnings = warnings;
    }

    static ProductFields read(Document doc, JsonNode profile, List<String> warnings) {
        return new ProfileSource(doc, warnings).read(profile);
    }

    private ProductFields read(JsonNode profile) {
        ProductFields fields = new ProductFields(FieldSource.PROFILE);
        if (profile == null) {
            return fields;
        }
        JsonNode rules = profile.path("fields");
        fields.title(first(rules.path("title")));
        fields.description(first(rules.path("description")));
        String currency = first(rules.path("currency"));
        PriceParser.parse(first(rules.path("price")), currency).ifPresent(fields::offer);
        PriceParser.parse(first(rules.path("originalPrice")), currency).ifPresent(fields::originalPrice);
        if (fields.currency == null) {
            fields.currency = PriceParser.currencyCode(currency);
        }
        fields.sellerId(sellerId(first(rules.path("seller.id"))));
        fields.sellerName(first(rules.path("seller.name")));
        fields.sellerLocation(first(rules.path("seller.location")));
        fields.brand(first(rules.path("details.brand")));
        fields.sku(first(rules.path("details.sku")));
        fields.availability(first(rules.path("details.availability")));
        fields.rating(first(rules.path("details.rating")));
        fields.livestreamHost(first(rules.path("details.livestreamHost")));
        String sold = first(rules.path("details.soldCount"));
        fields.soldCount(sold == null ? null : SoldCounts.parse(sold));
        for (JsonNode rule : Json.list(rules.path("images"))) {
            for (Element e : select(rule)) {
                if (fields.images().size() >= MAX_IMAGES) {
                    break;
                }
                String attr = rule.path("attr").asText("src");
                fields.image(e.absUrl(attr).isEmpty() ? e.attr(attr) : e.absUrl(attr));
            }
        }
        // a shop or seller page also has a heading and a seller name: only a price makes an offer
        fields.product = fields.price != null;
        return fields;
    }

    private static String sellerId(String raw) {
        String fromLink = Urls.sellerIdFromLink(raw);
        return fromLink != null ? fromLink : raw;
    }

    /** The first non-blank value of a field's rules (one rule object or an array of them). */
    private String first(JsonNode fieldRules) {
        for (JsonNode rule : Json.list(fieldRules)) {
            try {
                String value = rule.has("json") ? fromJson(rule) : fromCss(rule);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            } catch (RuntimeException e) { // a selector jsoup cannot parse, a bad path
                warnings.add("profile rule " + rule + " failed: " + Text.brief(e));
            }
        }
        return null;
    }

    private List<Element> select(JsonNode rule) {
        String css = rule.path("css").asText("");
        return css.isEmpty() ? List.of() : doc.select(css);
    }

    private String fromCss(JsonNode rule) {
        String css = rule.path("css").asText("");
        if (css.isEmpty()) {
            return null;
        }
        Element e = doc.selectFirst(css);
        if (e == null) {
            return null;
        }
        String attr = rule.path("attr").asText("");
        if (attr.isEmpty()) {
            return e.text();
        }
        return attr.equals("href") || attr.equals("src") ? e.absUrl(attr) : e.attr(attr);
    }

    /** {"json": "script#__NEXT_DATA__", "path": "props.pageProps.item.price"}; [n] indexes arrays. */
    private String fromJson(JsonNode rule) {
        String script = rule.path("json").asText("");
        JsonNode node = scripts.computeIfAbsent(script, s -> {
            Element e = doc.selectFirst(s);
            try {
                return e == null ? null : Json.parse(e.data());
            } catch (Exception ex) {
                return null;
            }
        });
        for (String step : rule.path("path").asText("").split("\\.")) {
            if (node == null || step.isEmpty()) {
                break;
            }
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            node = name.isEmpty() ? node : node.get(name);
            if (bracket >= 0 && node != null) {
                node = node.get(Integer.parseInt(step.substring(bracket + 1, step.indexOf(']', bracket))));
            }
        }
        return Json.text(node);
    }
}
