package org.markguard.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * SKU, brand and availability as a page shows them outside structured data. Generic only: the
 * labels are the words shops use for these facts in many languages ("SKU", "Item number",
 * "Artikelnummer", "Mã sản phẩm" …), the attribute names are the usual template names, and the
 * URL rule reads the identifier most shops put at the end of a product URL. Nothing is keyed on a
 * site.
 */
final class VisibleFacts {
    private static final Evaluator SKU_ATTRIBUTES = QueryParser.parse("[itemprop=sku], [itemprop=productID], "
            + "input[type=hidden][name~=(?i)^(sku|asin|productid|product_id|productcode|product-code|itemid|item_id)$], "
            + "input[type=hidden][id~=(?i)^(sku|asin|productid|product_id|productcode|itemid)$], [data-sku]");
    // a label, optional punctuation, then the value in the same text or the next element
    private static final Pattern SKU_LABEL = Pattern.compile("^\\s*(?:sku|item\\s*(?:number|no\\.?|#|code)|"
            + "product\\s*(?:code|number|no\\.?|id)|article\\s*(?:number|no\\.?)|art(?:ikel)?\\.?\\s*-?\\s*nr\\.?|"
            + "artikel-?nummer|artikelnr\\.?|bestellnummer|bestell-nr\\.?|best\\.-nr\\.?|item|ref(?:erence|erência|érence)?\\.?|"
            + "nr\\.?\\s*ref\\.?|numer\\s*referencyjny|cod(?:ice)?\\.?\\s*(?:produs|prodotto|articolo|producto|produto)?|"
            + "código(?:\\s*(?:do\\s*produto|de\\s*producto))?|šifra|tootekood|kood|код(?:\\s*товара)?|артикул|"
            + "mã\\s*(?:sản\\s*phẩm|sp|hàng)|ma\\s*san\\s*pham|ürün\\s*kodu|varenummer|artikelnummer|"
            + "produktnummer|tuotenumero|numéro\\s*d'article|n°\\s*article|model\\s*#?)\\s*[:#№.\\-–]*\\s*",
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
    private static final Evaluator AVAILABILITY_AREA = QueryParser.parse("[class*=availability], [id*=availability], "
            + "[class*=stock], [id*=stock], [itemprop=availability]");

    private VisibleFacts() {
    }

    static void read(Document doc, ProductFields fields) {
        read(doc, fields, new ProductFields(FieldSource.HTML));
    }

    /** @param known facts more trusted sources found; searches for those are skipped */
    static void read(Document doc, ProductFields fields, ProductFields known) {
        if (known.sku == null) {
            readSku(doc, fields);
        }
        if (known.brand == null) {
            Element brand = doc.selectFirst("[itemprop=brand]");
            if (brand != null) {
                Element name = brand.selectFirst("[itemprop=name]");
                fields.brand(name != null ? name.text() : brand.hasAttr("content") ? brand.attr("content") : brand.text());
            }
        }
        if (known.sku == null || known.brand == null) {
            labelled(doc, fields, known.sku == null, known.brand == null);
        }
        if (known.sku == null) {
            fields.sku(fromUrl(doc.location()));
        }
        if (known.availability == null) {
            availability(doc, fields);
        }
    }

    private static void readSku(Document doc, ProductFields fields) {
        for (Element e : doc.select(SKU_ATTRIBUTES)) {
            String value = e.hasAttr("content") ? e.attr("content")
                    : e.hasAttr("value") ? e.attr("value") : e.hasAttr("data-sku") ? e.attr("data-sku") : e.text();
            fields.sku(identifier(value.replaceFirst("(?i)^(?:sku|isbn|ean|id)\\s*:", "")));
        }
    }

    /** Label–value pairs in tables, definition lists and "Label: value" text. */
    private static void labelled(Document doc, ProductFields fields, boolean wantSku, boolean wantBrand) {
        int checked = 0;
        for (Element e : doc.body() == null ? doc.getAllElements() : doc.body().getAllElements()) {
            if ((!wantSku || fields.sku != null) && (!wantBrand || fields.brand != null)) {
                return;
            }
            if (!startsWithLetter(e) || ++checked > 20_000) {
                continue;
            }
            String own = e.ownText();
            if (own.isEmpty() || own.length() > 60) {
                continue;
            }
            if (wantSku && fields.sku == null) {
                String value = valueAfter(e, own, SKU_LABEL);
                if (value != null) {
                    fields.sku(identifier(value));
                }
            }
            if (wantBrand && fields.brand == null) {
                String value = valueAfter(e, own, BRAND_LABEL);
                if (value != null && value.length() <= 60 && !value.endsWith(":")) {
                    fields.brand(value);
                }
            }
        }
    }

    /** A cheap filter before ownText(), which copies: labels are the element's first, non-blank text. */
    private static boolean startsWithLetter(Element e) {
        if (e.childNodeSize() == 0 || !(e.childNode(0) instanceof TextNode t)) {
            return false;
        }
        String text = t.getWholeText();
        for (int i = 0; i < text.length() && i < 40; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return Character.isLetter(c) || c == '#' || c == '№';
            }
        }
        return false;
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
            // slug ending in an id: "…-warranty-iid-1021493409", "…-x3410048", "…_36029524"
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

    /** All digits (5+), or a code mixing upper-case letters and digits such as "B07FW264WL". */
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
    private static void availability(Document doc, ProductFields fields) {
        int checked = 0;
        for (Element e : doc.select(AVAILABILITY_AREA)) {
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
