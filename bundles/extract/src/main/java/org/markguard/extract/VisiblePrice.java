package org.markguard.extract;

import java.math.BigDecimal;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds the price a shopper sees, on pages whose structured data does not give one. Candidates
 * are elements whose class, id or itemprop says "price" (in the shop's templates, whatever the
 * language of the page); each is scored, and the best one wins:
 * <ul>
 *   <li>out: struck prices ({@code del}, {@code s}, "old", "was", "regular" …), savings, taxes,
 *       unit prices, and anything inside a strip of other products (related, carousel, slider …),
 *       a header, footer, menu or cart;</li>
 *   <li>up: ids (a page's main price has one more often than a list price), words meaning the
 *       current price ("sale", "our", "current", "final", "now"), and closeness to the product's
 *       h1 in document order (the buy box is near the title).</li>
 * </ul>
 * The struck price next to the winner, if any, is kept as the original price.
 */
final class VisiblePrice {
    private static final int MAX_CANDIDATES = 400;
    private static final int MAX_TEXT = 40;
    /** Elements between the h1 and the price, in document order, for "the price of this title". */
    private static final int NEAR_TITLE = 120;
    private static final Evaluator CANDIDATES = QueryParser.parse(
            "[class*=price], [id*=price], [class*=Price], [id*=Price], [itemprop=price], [data-price]");
    private static final Pattern STRUCK = Pattern.compile("old|original|before|strike|was|list|regular|compare|"
            + "rrp|msrp|uvp|crossed|cross|retail|save|saving|discount|percent|off|tax|unit|per|coupon|shipping|"
            + "delivery|total|installment|month|range|filter|slider|alert|drop|label|title|currency|symbol",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT = Pattern.compile("sale|our|current|final|now|actual|special|offer|"
            + "buy|main|product|selling|pdp|detail|big|large|value|amount", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELSEWHERE = Pattern.compile("related|recommend|similar|carousel|slider|swiper|"
            + "upsell|up-sell|crosssell|cross-sell|also|recent|viewed|footer|header|nav|menu|minicart|mini-cart|"
            + "basket|bundle|accessor|sponsor|advert|promo-list|product-list|productlist|product-grid|product-card|"
            + "listing|suggest|compare|review|twister|swatch|variant|option", Pattern.CASE_INSENSITIVE);
    private static final Pattern OLD = Pattern.compile("old|was|before|regular|list|strike|original|rrp|msrp|uvp|"
            + "crossed", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_CURRENCY = Pattern.compile("[$€£¥₫₩₹₽₺₴₱₦฿]|[A-Z]{3}|\\b(?:kn|zł|kč|lei|"
            + "тг|руб|р\\.|грн|лв|kr|ft|dh|rs|tl|đ|vnd|원|円|元)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern SEVERAL_AMOUNTS = Pattern.compile("\\d[\\d.,\\s]*\\D+\\d[\\d.,]*\\d");

    private static final Evaluator STRUCK_INSIDE = QueryParser.parse("del, s, strike");

    /** The price found and the struck price next to it (may be null). */
    record Found(PriceParser.Price price, BigDecimal high, BigDecimal original, boolean nearTitle) {
    }

    private static final boolean DEBUG = Boolean.getBoolean("markguard.debug.price");

    private VisiblePrice() {
    }

    static Optional<Found> find(Document doc) {
        Element h1 = doc.selectFirst("h1");
        Elements candidates = doc.select(CANDIDATES);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<Element, Integer> order = documentOrder(doc);
        Map<Element, Boolean> elsewhere = new IdentityHashMap<>(); // per ancestor: candidates share them
        int h1Index = h1 == null ? -1 : order.getOrDefault(h1, -1);
        Element best = null;
        PriceParser.Price bestPrice = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestDistance = Integer.MAX_VALUE;
        int seen = 0;
        for (Element candidate : candidates) {
            if (++seen > MAX_CANDIDATES) {
                break;
            }
            String own = ownNames(candidate);
            if (STRUCK.matcher(own).find() || isStruck(candidate) || isElsewhere(candidate, elsewhere)) {
                if (DEBUG) {
                    System.err.println("SKIP " + STRUCK.matcher(own).find() + isStruck(candidate) + " " + Text.truncate(candidate.text(), 40) + " | " + own);
                }
                continue;
            }
            String text = priceText(candidate);
            if (text == null) {
                continue;
            }
            Optional<PriceParser.Price> price = PriceParser.parseVisible(text);
            if (price.isEmpty()) {
                continue;
            }
            double score = 0;
            score += candidate.id().toLowerCase(Locale.ROOT).contains("price") ? 2 : 0;
            score += CURRENT.matcher(own).find() ? 1 : 0;
            score += candidate.hasAttr("itemprop") ? 2 : 0;
            // "49 890 тг. 44 890 тг.": an old and a new price together; their own elements are better
            score -= SEVERAL_AMOUNTS.matcher(text).find() ? 1.5 : 0;
            score -= wrapsAStruckPrice(candidate) ? 2 : 0;
            score += HAS_CURRENCY.matcher(text).find() || price.get().amount().scale() > 0 ? 1 : 0;
            int distance = Integer.MAX_VALUE;
            if (h1Index >= 0) {
                distance = order.getOrDefault(candidate, 0) - h1Index;
                score += distance >= 0 ? Math.max(0, 3 - distance / 150.0) : -1 - Math.min(2, -distance / 500.0);
            }
            if (DEBUG) {
                System.err.println("CAND " + score + " " + text + " | " + own);
            }
            if (score > bestScore) {
                best = candidate;
                bestPrice = price.get();
                bestScore = score;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        BigDecimal high = PriceParser.rangeHigh(priceText(best)).orElse(null);
        boolean nearTitle = bestDistance >= 0 && bestDistance <= NEAR_TITLE;
        return Optional.of(new Found(bestPrice, high, struckNear(best, bestPrice), nearTitle));
    }

    /** A price's text: a content= value, else its own short text, else its whole short text. */
    private static String priceText(Element candidate) {
        if (candidate.hasAttr("content") && !candidate.attr("content").isBlank()) {
            return candidate.attr("content");
        }
        if (candidate.hasAttr("data-price") && !candidate.attr("data-price").isBlank()
                && candidate.text().isBlank()) {
            return candidate.attr("data-price");
        }
        String text = candidate.text().strip();
        if (text.length() <= MAX_TEXT * 3 && candidate.selectFirst(STRUCK_INSIDE) != null) {
            // "<del>1.200.000đ</del> 950.000đ": the price asked is what is left without the struck one
            Element copy = candidate.clone();
            copy.select(STRUCK_INSIDE).remove();
            text = copy.text().strip();
        }
        if (text.isEmpty() || text.length() > MAX_TEXT || !Character.isDigit(firstDigitOrSelf(text))) {
            return null;
        }
        return text;
    }

    private static char firstDigitOrSelf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 'x';
    }

    /** The struck-through price in the same block: a del/s element or an "old"/"was" price class. */
    private static BigDecimal struckNear(Element price, PriceParser.Price found) {
        Element block = price;
        for (int level = 0; level < 3 && block.parent() != null; level++) {
            block = block.parent();
            for (Element e : block.select("del, s, strike, [class*=old], [class*=was], [class*=regular], "
                    + "[class*=strike], [class*=list-price], [class*=original]")) {
                if (e.text().length() <= MAX_TEXT) {
                    Optional<PriceParser.Price> p = PriceParser.parseVisible(e.text());
                    if (p.isPresent() && p.get().amount().compareTo(found.amount()) > 0
                            && (OLD.matcher(ownNames(e)).find() || isStruck(e))) {
                        return p.get().amount();
                    }
                }
            }
        }
        return null;
    }

    /** "price-box" around "price-old" and "price": the parts are judged on their own. */
    private static boolean wrapsAStruckPrice(Element candidate) {
        if (candidate.childrenSize() == 0) {
            return false;
        }
        for (Element inner : candidate.select(CANDIDATES)) {
            if (inner != candidate && OLD.matcher(ownNames(inner)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String ownNames(Element e) {
        return e.className() + " " + e.id() + " " + e.attr("itemprop");
    }

    private static boolean isStruck(Element e) {
        for (Element a = e; a != null && a.parent() != null; a = a.parent()) {
            String tag = a.normalName();
            if (tag.equals("del") || tag.equals("s") || tag.equals("strike")) {
                return true;
            }
            if (tag.equals("body")) {
                return false;
            }
        }
        return false;
    }

    /** Inside a strip of other products, or page furniture: up to 12 ancestors are checked. */
    private static boolean isElsewhere(Element e, Map<Element, Boolean> cache) {
        Element parent = e.parent();
        if (parent == null) {
            return false;
        }
        Boolean known = cache.get(parent);
        if (known == null) {
            known = isElsewhere(parent, 0, cache);
            cache.put(parent, known);
        }
        return known;
    }

    /** Whether this ancestor or one of its own (up to 12 levels in all) marks page furniture or other products. */
    private static boolean isElsewhere(Element a, int level, Map<Element, Boolean> cache) {
        if (a == null || level >= 12) {
            return false;
        }
        Boolean cached = level > 0 ? cache.get(a) : null;
        if (cached != null) {
            return cached;
        }
        String tag = a.normalName();
        if (tag.equals("body") || tag.equals("main") || tag.equals("html")) {
            return false; // the climb stops at the page's main content
        }
        boolean result = isElsewhereHere(a, level) || isElsewhere(a.parent(), level + 1, cache);
        cache.put(a, result);
        return result;
    }

    private static boolean isElsewhereHere(Element a, int level) {
        String tag = a.normalName();
        if (tag.equals("body") || tag.equals("main") || tag.equals("html")) {
            return false;
        }
        if (tag.equals("header") || tag.equals("footer") || tag.equals("nav") || tag.equals("aside")
                || tag.equals("li") && isProductCard(a)) {
            return true;
        }
        Matcher why = ELSEWHERE.matcher(a.className() + " " + a.id());
        if (why.find()) {
            if (DEBUG) {
                System.err.println("ELSEWHERE " + why.group() + " in " + a.className() + " #" + a.id());
            }
            return true;
        }
        return false;
    }

    /** A list item among several that each show an image, a link and a price: a grid of other products. */
    private static boolean isProductCard(Element li) {
        Element list = li.parent();
        if (list == null || list.childrenSize() < 3) {
            return false;
        }
        int cards = 0;
        for (Element sibling : list.children()) {
            if (sibling.selectFirst("img") != null && sibling.selectFirst("a[href]") != null
                    && sibling.selectFirst("[class*=price], [class*=Price]") != null && ++cards >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Element → position in document order; identity, because equal-looking elements are distinct. */
    private static Map<Element, Integer> documentOrder(Document doc) {
        Map<Element, Integer> order = new IdentityHashMap<>();
        for (Element e : doc.getAllElements()) {
            order.put(e, order.size());
        }
        return order;
    }
}
