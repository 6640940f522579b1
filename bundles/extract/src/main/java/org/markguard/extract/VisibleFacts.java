package org.markguard.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * SKU, brand and availability as a page shows them outside structured data. Generic only: the
 * labels are the words shops use for these facts in many languages ("SKU", "Item number",
 * "Artikelnummer", "Mã sản phẩm" …), the attribute names are the usual template names, and the
 * URL rule reads the identifier most shops put at the end of a product URL. Nothing is keyed on a
 * site.
 */
final class VisibleFacts {
    // hidden inputs of add-to-cart forms that carry the product's identifier
    private static final Pattern SKU_INPUT_NAME = Pattern.compile(
            "^(sku|asin|productid|product_id|productcode|product-code|itemid|item_id)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SKU_INPUT_ID = Pattern.compile("^(sku|asin|productid|product_id|productcode|itemid)$",
            Pattern.CASE_INSENSITIVE);
    // a label, optional punctuation, then the value in the same text or the next element; no "Model"
    // or bare "Item": what follows them is often the maker's part number (MPN), which is not the SKU
    private static final Pattern SKU_LABEL = Pattern.compile("^\\s*(?:sku|item\\s*(?:number|no\\.?|#|code)|"
            + "product\\s*(?:code|number|no\\.?|id)|article\\s*(?:number|no\\.?)|art(?:ikel)?\\.?\\s*-?\\s*nr\\.?|"
            + "artikel-?nummer|artikelnr\\.?|bestellnummer|bestell-nr\\.?|best\\.-nr\\.?|ref(?:erence|erência|érence)?\\.?|"
            + "nr\\.?\\s*ref\\.?|numer\\s*referencyjny|cod(?:ice)?\\.?\\s*(?:produs|prodotto|articolo|producto|produto)?|"
            + "código(?:\\s*(?:do\\s*produto|de\\s*producto))?|šifra|tootekood|kood|код(?:\\s*товара)?|артикул|"
            + "mã\\s*(?:sản\\s*phẩm|sp|hàng)|ma\\s*san\\s*pham|ürün\\s*kodu|varenummer|artikelnummer|"
            + "produktnummer|tuotenumero|numéro\\s*d'article|n°\\s*article)\\s*[:#№.\\-–]*\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BRAND_LABEL = Pattern.compile("^\\s*(?:brand|marke|marca|marque|merk|marka|"
            + "thương\\s*hiệu|thuong\\s*hieu|бренд|производитель|hersteller|fabricante|manufacturer)\\s*[:\\-–]*\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/\\-]{2,30}");
    private static final Pattern URL_KEY = Pattern.compile("[?&](?:sku|childSku|pid|productId|product_id|itemId|"
            + "item_id|products_id|id)=([A-Za-z0-9_\\-]{4,30})(?:&|$)");
    private static final Pattern OUT_OF_STOCK = Pattern.compile("\\b(?:out of stock|sold out|currently unavailable|"
            + "no longer available|not available|ausverkauft|nicht (?:mehr )?verfügbar|nicht lieferbar|agotado|"
            + "sin stock|esgotado|indisponível|épuisé|rupture de stock|indisponible|esaurito|non disponibile|"
            + "niedostępny|wyprzedany|nedostupné|vypredané|hết hàng|tạm hết|нет в наличии|закончился)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private VisibleFacts() {
    }

    /** Whether a hidden input is named like a product identifier ("sku", "asin", "product_id" …). */
    static boolean namesAnSku(Element input) {
        return input.hasAttr("name") && SKU_INPUT_NAME.matcher(input.attr("name")).find()
                || input.hasAttr("id") && SKU_INPUT_ID.matcher(input.attr("id")).find();
    }

    /**
     * @param known facts more trusted sources found: searches for those are skipped, except the
     *     labelled code: a code the page shows under a label ("Product code: 4471-20") is what
     *     shoppers quote, and it replaces a structured SKU the page never shows (an internal or
     *     variant number), marked by {@link ProductFields#skuShown}
     */
    static void read(PageScan scan, ProductFields fields, ProductFields known) {
        Document doc = scan.doc;
        if (known.brand == null) {
            Element brand = scan.brands.isEmpty() ? null : scan.brands.get(0);
            if (brand != null) {
                Element name = brand.selectFirst("[itemprop=name]");
                fields.brand(name != null ? name.text() : brand.hasAttr("content") ? brand.attr("content") : brand.text());
            }
        }
        if (known.sku == null) {
            skuShownInMarkup(scan, fields); // itemprop=sku on a visible element: the page's own label
        }
        String labelledSku = labelled(scan, fields, known.brand == null);
        if (labelledSku == null) {
            labelledSku = namedCode(scan);
        }
        if (known.sku == null) {
            fields.sku(labelledSku);
            readSku(scan, fields);
            fields.sku(fromUrl(doc.location()));
        } else if (labelledSku != null && !labelledSku.equals(known.sku) && !Text.shown(doc, known.sku)) {
            fields.sku(labelledSku);
            fields.skuShown = true;
        }
        if (known.availability == null) {
            availability(scan, fields);
        }
    }

    private static void skuShownInMarkup(PageScan scan, ProductFields fields) {
        for (Element e : scan.skuHolders) {
            if (e.hasAttr("itemprop") && !e.normalName().equals("meta") && !e.normalName().equals("input")) {
                fields.sku(identifier(e.text().replaceFirst("(?i)^(?:sku|isbn|ean|id)\\s*:", "")));
            }
        }
    }

    /**
     * The code shown by an element the template names as the product's code (class "product-code",
     * a test hook "product-code" …): its short text, without a label in front.
     */
    private static String namedCode(PageScan scan) {
        for (Element e : scan.codes) {
            if (Text.visibleLengthExceeds(e, 60)) {
                continue;
            }
            String text = e.text().strip();
            Matcher label = SKU_LABEL.matcher(text);
            String code = identifier(label.find() ? text.substring(label.end()) : text);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static void readSku(PageScan scan, ProductFields fields) {
        for (Element e : scan.skuHolders) {
            String value = e.hasAttr("content") ? e.attr("content")
                    : e.hasAttr("value") ? e.attr("value") : e.hasAttr("data-sku") ? e.attr("data-sku") : e.text();
            fields.sku(identifier(value.replaceFirst("(?i)^(?:sku|isbn|ean|id)\\s*:", "")));
        }
    }

    /**
     * Label–value pairs in tables, definition lists and "Label: value" text: the first labelled
     * SKU is returned, the first labelled brand is set when wanted.
     */
    private static String labelled(PageScan scan, ProductFields fields, boolean wantBrand) {
        String sku = null;
        for (Element e : scan.labels) {
            if (sku != null && (!wantBrand || fields.brand != null)) {
                break;
            }
            String own = e.ownText();
            if (own.isEmpty() || own.length() > 60) {
                continue;
            }
            if (sku == null) {
                String value = valueAfter(e, own, SKU_LABEL);
                sku = value == null ? null : identifier(value);
            }
            if (wantBrand && fields.brand == null) {
                String value = valueAfter(e, own, BRAND_LABEL);
                if (value != null && value.length() <= 60 && !value.endsWith(":")) {
                    fields.brand(value);
                }
            }
        }
        return sku;
    }

    /** The value after a label: the rest of the own text, else the next element's text. */
    private static String valueAfter(Element e, String own, Pattern label) {
        Matcher m = label.matcher(own);
        if (!m.find()) {
            return null;
        }
        String rest = own.substring(m.end()).strip();
        boolean labelOnly = rest.isEmpty();
        if (!labelOnly) {
            // "SKU: 123" needs the separator; "Item 123" alone is too weak
            String between = own.substring(0, m.end());
            return between.matches("(?s).*[:#№]\\s*$") ? rest : null;
        }
        Element next = e.nextElementSibling();
        if (next == null && e.parent() != null && e.parent().childrenSize() <= 3) {
            next = e.parent().nextElementSibling(); // <td>label</td><td>value</td> inside <th>…
        }
        if (next == null) {
            for (var node : e.siblingNodes()) {
                if (node instanceof TextNode t && node.siblingIndex() > e.siblingIndex() && !t.isBlank()) {
                    return t.text().strip();
                }
            }
            return null;
        }
        String text = next.text().strip();
        return text.isEmpty() || text.length() > 60 ? null : text;
    }

    /** The identifier in a product URL: a known query key, else the last path segment's id. */
    static String fromUrl(String url) {
        if (url == null || url.length() > 2_000) {
            return null;
        }
        Matcher key = URL_KEY.matcher(url);
        if (key.find() && key.group(1).chars().filter(Character::isDigit).count() >= 4) {
            return key.group(1);
        }
        String path = url.replaceFirst("^[a-zA-Z]+://[^/]+", "").replaceFirst("[?#].*$", "");
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0 && i >= segments.length - 2; i--) {
            String segment = segments[i].replaceFirst("(?i)\\.(?:html?|php|aspx?|jsp)$", "");
            if (segment.isEmpty()) {
                continue;
            }
            if (isIdLike(segment)) {
                return segment;
            }
            // slug ending in an id: "…-lantern-iid-5550123", "…-x7712345", "…_80045617"
            Matcher tail = Pattern.compile("[-_](?:[a-z]{1,3}[-_]?)?([0-9]{5,26})$").matcher(segment);
            if (tail.find()) {
                return tail.group(1);
            }
            Matcher leading = Pattern.compile("^([0-9]{6,26})[-_]").matcher(segment);
            if (leading.find()) {
                return leading.group(1);
            }
        }
        return null;
    }

    /** All digits (5+), or a code mixing upper-case letters and digits such as "QX40K7731Z". */
    private static boolean isIdLike(String s) {
        if (s.matches("[0-9]{5,26}")) {
            return true;
        }
        return s.length() >= 6 && s.length() <= 16 && s.matches("[A-Z0-9]+") && s.matches(".*[0-9].*[0-9].*")
                && s.matches(".*[A-Z].*");
    }

    /** An identifier-like value (digits in it, no spaces), or null. */
    private static String identifier(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!IDENTIFIER.matcher(value).matches() || value.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        return value;
    }

    /** Out of stock only when an availability/stock element says so: the page text alone is too noisy. */
    private static void availability(PageScan scan, ProductFields fields) {
        int checked = 0;
        for (Element e : scan.stockNotices) {
            if (++checked > 50) {
                return;
            }
            String text = e.hasAttr("href") ? e.attr("href") : e.text();
            if (text.length() > 120) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith("outofstock") || OUT_OF_STOCK.matcher(text).find()) {
                fields.availability("OutOfStock");
                return;
            }
            if (lower.endsWith("instock") || lower.matches(".*\\b(?:in stock|auf lager|en stock|disponible|"
                    + "disponibile|em estoque|còn hàng|lieferbar|available)\\b.*")) {
                fields.availability("InStock");
                return;
            }
        }
    }
}
