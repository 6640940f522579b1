package org.markguard.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * One walk over a parsed page that collects, in document order, the elements every source looks
 * for: scripts, meta tags, microdata items, headings, and the elements whose class, id or
 * itemprop name a price, a seller, a location, a stock notice or an SKU. Each of those was a
 * page-wide {@code select()} of its own (a dozen attribute-substring queries, each a full walk
 * that lower-cases every class); the walk does it once. Matching is ASCII case-insensitive, as
 * jsoup's attribute selectors are.
 */
final class PageScan {
    /**
     * Names templates give the element showing the product's code (class, id, test hooks); not
     * "part-number": that is the maker's part number (MPN), not the shop's SKU.
     */
    private static final Words CODE_NAMES = Words.of("sku|product-code|productcode|product-id|productid|"
            + "product-number|productnumber|item-number|itemnumber|article-number|articlenumber");
    /** Attributes that name an element for test automation: they say what the element shows. */
    private static final Set<String> TEST_HOOKS = Set.of("data-testid", "data-test", "data-test-id", "data-qa",
            "data-cy", "data-automation-id");
    private static final Set<String> SELLER_DATA = Set.of("data-seller-id", "data-shop-id", "data-shopid",
            "data-sellerid");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_LABELS = 20_000;
    private static final int PRICE = 1;
    private static final int SELLER = 2;
    private static final int LOCATION = 4;
    private static final int STOCK = 8;
    private static final int CODE = 16;

    final Document doc;
    final List<Element> scripts = new ArrayList<>();
    /** {@code meta} elements with a content attribute. */
    final List<Element> metas = new ArrayList<>();
    /** {@code [itemscope][itemtype]}. */
    final List<Element> items = new ArrayList<>();
    final List<Element> h1s = new ArrayList<>(4);
    /** class or id containing "price", itemprop=price, or a data-price attribute. */
    final List<Element> prices = new ArrayList<>();
    /** class containing shop-name, seller-name, shopname or sellername, or such an itemprop. */
    final List<Element> sellerNames = new ArrayList<>();
    /** class containing "seller" or "shop-title". */
    final List<Element> sellerBlocks = new ArrayList<>();
    /** class containing shop-location or seller-location. */
    final List<Element> shopLocations = new ArrayList<>();
    /** class or itemprop containing "location". */
    final List<Element> locations = new ArrayList<>();
    /** itemprop=seller. */
    final List<Element> itempropSellers = new ArrayList<>();
    /** a[href] whose href contains /shop/ or /seller/. */
    final List<Element> shopLinks = new ArrayList<>();
    final List<Element> imagesWithAlt = new ArrayList<>();
    /** class or id containing availability or stock, or itemprop=availability. */
    final List<Element> stockNotices = new ArrayList<>();
    /** itemprop=sku or productID, a data-sku attribute, or a hidden input named like an SKU. */
    final List<Element> skuHolders = new ArrayList<>();
    /** Elements named as the product's code: class, id or a test hook saying sku, product-code … */
    final List<Element> codes = new ArrayList<>();
    /** Body elements whose text opens with what may be a SKU or brand label ({@link LabelStarts}). */
    final List<Element> labels = new ArrayList<>();
    /** itemprop=brand. */
    final List<Element> brands = new ArrayList<>();
    /** The first element with a data-seller-id (or -shop-id …), meta description, canonical link, __NEXT_DATA__. */
    Element sellerData;
    Element description;
    Element canonical;
    Element nextData;

    /** What a class list, id or itemprop names: bits of {@link #says}. */
    private final Map<String, Integer> classNames = new HashMap<>(1024); // a page has hundreds: no rehashing
    /** The body while the walk is inside it. */
    private Element body;
    private boolean bodySeen;
    /** Elements seen so far: the position of the next one in document order. */
    private int count;
    private final Map<Element, Integer> positions = new IdentityHashMap<>();
    private int[] pricePositions = new int[0];
    private Element titleHeading;

    private PageScan(Document doc) {
        this.doc = doc;
    }

    static PageScan of(Document doc) {
        PageScan scan = new PageScan(doc);
        scan.walk(doc);
        return scan;
    }

    /**
     * Every node below the root, in document order, as {@code NodeTraversor.traverse} visits them,
     * but each element's children by position: the traversor finds the next node through
     * {@code nextSibling()}, which looks the node's index up again in its parent, and that
     * bookkeeping cost a fifth of the walk. Iterative, with a stack of (element, next child), so a
     * deeply nested page cannot overflow the thread's stack.
     */
    private void walk(Element root) {
        Element[] parents = new Element[64];
        int[] nextChild = new int[64];
        int depth = 0;
        parents[0] = root;
        element(root);
        while (depth >= 0) {
            Element parent = parents[depth];
            int i = nextChild[depth];
            if (i >= parent.childNodeSize()) {
                leave(parent);
                depth--;
                continue;
            }
            nextChild[depth] = i + 1;
            Node child = parent.childNode(i);
            if (child instanceof Element e) {
                element(e);
                if (e.childNodeSize() == 0) {
                    leave(e);
                } else {
                    if (++depth == parents.length) {
                        parents = Arrays.copyOf(parents, depth * 2);
                        nextChild = Arrays.copyOf(nextChild, depth * 2);
                    }
                    parents[depth] = e;
                    nextChild[depth] = 0;
                }
            } else if (i == 0 && child instanceof TextNode text) {
                firstText(text, parent);
            }
        }
    }

    /**
     * The product's heading: of several h1s (a sign-up banner's, a menu's, the product's), the one
     * whose words the page's title shares most (at least half of them); else the first h1; null
     * when there is none. Titles name the product almost always, banners and menus rarely.
     */
    Element titleHeading() {
        if (titleHeading == null && !h1s.isEmpty()) {
            titleHeading = h1s.get(0);
            if (h1s.size() > 1) {
                Set<String> titleWords = new HashSet<>(words(doc.title()));
                double best = 0.5;
                for (Element h1 : h1s) {
                    List<String> words = words(h1.text());
                    long shared = words.stream().filter(titleWords::contains).count();
                    double share = words.isEmpty() ? 0 : (double) shared / words.size();
                    if (share > best) {
                        best = share;
                        titleHeading = h1;
                    }
                }
            }
        }
        return titleHeading;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The position in document order of a heading of {@link #h1s}, else -1. */
    int position(Element h1) {
        Integer at = positions.get(h1);
        return at == null ? -1 : at;
    }

    /** The position in document order of the price candidate {@code prices.get(i)}. */
    int pricePosition(int i) {
        return pricePositions[i];
    }

    private static int[] append(int[] values, int at, int value) {
        int[] grown = at < values.length ? values : Arrays.copyOf(values, Math.max(16, values.length * 2));
        grown[at] = value;
        return grown;
    }

    /** A text that is its element's first child: in the body, it may open a label. */
    private void firstText(TextNode text, Element parent) {
        if (body != null && labels.size() < MAX_LABELS && LabelStarts.mayStartALabel(text.getWholeText())) {
            labels.add(parent);
        }
    }

    private void element(Element e) {
        int index = count++;
        int attributes = e.attributesSize();
        // tag names are compared by length first: a string switch hashes every name
        String tag = e.normalName();
        switch (tag.length()) {
            case 1 -> {
                if (tag.equals("a")) {
                    if (linksToShopOrSeller(e.attr("href"))) {
                        shopLinks.add(e);
                    }
                }
            }
            case 2 -> {
                if (tag.equals("h1")) {
                    h1s.add(e);
                    positions.put(e, index);
                }
            }
            case 3 -> {
                if (tag.equals("img") && e.hasAttr("alt")) {
                    imagesWithAlt.add(e);
                }
            }
            case 4 -> {
                if (tag.equals("body") && body == null && !bodySeen) {
                    body = e;
                    bodySeen = true;
                } else {
                    headElement4(e, tag);
                }
            }
            case 5 -> {
                if (tag.equals("input") && e.attr("type").trim().equalsIgnoreCase("hidden")
                        && VisibleFacts.namesAnSku(e)) {
                    skuHolders.add(e);
                    return; // an input has no other role here
                }
            }
            case 6 -> {
                if (tag.equals("script")) {
                    scripts.add(e);
                }
            }
            default -> {
            }
        }
        if (attributes == 0) {
            return;
        }
        Attributes attrs = e.attributes();
        String rawClass = attrs.get("class");
        int named = rawClass.isEmpty() ? 0 : 1;
        // most elements have a class and nothing else: the other lookups only when there is more
        String id = attributes > named ? lower(attrs.get("id")) : "";
        named += id.isEmpty() ? 0 : 1;
        String prop = attributes > named ? lower(attrs.get("itemprop")) : "";
        named += prop.isEmpty() ? 0 : 1;
        boolean dataPrice = false;
        boolean dataSku = false;
        boolean namedCode = false;
        if (attributes > named) { // the rarer attributes, only when the element has more than those three
            boolean itemscope = false;
            boolean itemtype = false;
            for (Attribute attribute : attrs) { // one pass over the others, not a lookup per name
                String key = attribute.getKey();
                if (key.startsWith("data-")) {
                    dataPrice |= key.equals("data-price");
                    dataSku |= key.equals("data-sku");
                    if (sellerData == null && SELLER_DATA.contains(key)) {
                        sellerData = e;
                    }
                    namedCode |= TEST_HOOKS.contains(key) && namesACode(lower(attribute.getValue()));
                } else if (key.startsWith("item")) {
                    itemscope |= key.equals("itemscope");
                    itemtype |= key.equals("itemtype");
                }
            }
            if (itemscope && itemtype) {
                items.add(e);
            }
        }
        if (nextData == null && id.equals("__next_data__") && e.id().equals("__NEXT_DATA__")) {
            nextData = e;
        }
        // pages repeat their class lists (every card, every row): what a class list says is worked out once
        int names = (rawClass.isEmpty() ? 0 : classNames.computeIfAbsent(rawClass, name -> says(lower(name))))
                | (id.isEmpty() ? 0 : says(id) & (PRICE | STOCK | CODE))
                | (prop.isEmpty() ? 0 : says(prop) & (SELLER | LOCATION));
        if ((names & PRICE) != 0 || prop.equals("price") || dataPrice) {
            prices.add(e);
            pricePositions = append(pricePositions, prices.size() - 1, index);
        }
        if ((names & SELLER) != 0) {
            sellerClasses(e, lower(rawClass), prop);
        }
        if ((names & LOCATION) != 0) {
            locations.add(e);
        }
        if ((names & STOCK) != 0 || prop.equals("availability")) {
            stockNotices.add(e);
        }
        if (!prop.isEmpty()) {
            if (prop.equals("seller")) {
                itempropSellers.add(e);
            } else if (prop.equals("brand")) {
                brands.add(e);
            }
        }
        if (prop.equals("sku") || prop.equals("productid") || dataSku) {
            skuHolders.add(e);
        }
        if (namedCode || (names & CODE) != 0 && (namesACode(lower(rawClass)) || namesACode(id))) {
            codes.add(e);
        }
    }

    /** What a (lower-case) class list, id or itemprop names, as {@link #PRICE} … bits. */
    private static int says(String name) {
        int bits = 0;
        bits |= name.contains("price") ? PRICE : 0;
        bits |= name.contains("sell") || name.contains("shop") ? SELLER : 0;
        bits |= name.contains("location") ? LOCATION : 0;
        bits |= name.contains("availability") || name.contains("stock") ? STOCK : 0;
        bits |= name.contains("sku") || name.contains("product") || name.contains("number") ? CODE : 0;
        return bits;
    }

    private void headElement4(Element e, String tag) {
        if (tag.equals("meta")) {
            if (e.hasAttr("content")) {
                metas.add(e);
                if (description == null && e.attr("name").trim().equalsIgnoreCase("description")) {
                    description = e;
                }
            }
        } else if (tag.equals("link")) {
            if (canonical == null && e.hasAttr("href") && e.attr("rel").trim().equalsIgnoreCase("canonical")) {
                canonical = e;
            }
        }
    }

    private void sellerClasses(Element e, String cls, String prop) {
        if (cls.contains("shop-name") || cls.contains("seller-name") || cls.contains("shopname")
                || cls.contains("sellername") || prop.contains("shop-name") || prop.contains("seller-name")) {
            sellerNames.add(e);
        }
        if (cls.contains("seller") || cls.contains("shop-title")) {
            sellerBlocks.add(e);
        }
        if (cls.contains("shop-location") || cls.contains("seller-location")) {
            shopLocations.add(e);
        }
    }

    private void leave(Element e) {
        if (e == body) {
            body = null; // past the body: no more labels
        }
    }

    /** Whether {@code e} is {@code ancestor} or inside it. */
    static boolean within(Element e, Element ancestor) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** A name of {@link #CODE_NAMES}; each of them has "sku", "product" or "number" in it, looked for first. */
    private static boolean namesACode(String name) {
        return (name.contains("sku") || name.contains("product") || name.contains("number"))
                && CODE_NAMES.startsAName(name);
    }

    /** Whether a link's path has a /shop/ or /seller/ segment, in any case (no copy of the URL). */
    static boolean linksToShopOrSeller(String href) {
        if (href.indexOf("/s") < 0 && href.indexOf("/S") < 0) {
            return false; // most links: one quick look
        }
        for (int at = href.indexOf('/'); at >= 0 && at + 1 < href.length(); at = href.indexOf('/', at + 1)) {
            char next = href.charAt(at + 1);
            if ((next == 's' || next == 'S') && (href.regionMatches(true, at, "/shop/", 0, 6)
                    || href.regionMatches(true, at, "/seller/", 0, 8))) {
                return true;
            }
        }
        return false;
    }

    /** ASCII lower case, without a copy when there is nothing to lower. */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < chars.length; j++) {
                    char d = chars[j];
                    chars[j] = d >= 'A' && d <= 'Z' ? (char) (d + 32) : d;
                }
                return new String(chars);
            }
        }
        return s;
    }
}
