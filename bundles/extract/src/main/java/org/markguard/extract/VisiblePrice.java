package org.markguard.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
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
    private static final Words STRUCK = Words.of("old|original|before|strike|was|list|regular|compare|"
            + "rrp|msrp|uvp|crossed|cross|retail|save|saving|discount|percent|off|tax|unit|per|coupon|shipping|"
            + "delivery|total|installment|month|range|filter|slider|alert|drop|label|title|currency|symbol");
    private static final Words CURRENT = Words.of("sale|our|current|final|now|actual|special|offer|"
            + "buy|main|product|selling|pdp|detail|big|large|value|amount");
    private static final Words OLD = Words.of("old|was|before|regular|list|strike|original|rrp|msrp|uvp|"
            + "crossed");
    private static final Pattern HAS_CURRENCY = Pattern.compile("[$€£¥₫₩₹₽₺₴₱₦฿]|[A-Z]{3}|\\b(?:kn|zł|kč|lei|"
            + "тг|руб|р\\.|грн|лв|kr|ft|dh|rs|tl|đ|vnd|원|円|元)\\b", Pattern.CASE_INSENSITIVE);


    private static final Evaluator STRUCK_INSIDE = QueryParser.parse("del, s, strike");
    private static final Words OLD_CLASS = Words.of("old|was|regular|strike|list-price|original");

    /** The price found and the struck price next to it (may be null). */
    record Found(PriceParser.Price price, BigDecimal high, BigDecimal original, boolean nearTitle) {
    }

    private static final boolean DEBUG = Boolean.getBoolean("markguard.debug.price");

    private VisiblePrice() {
    }

    static Optional<Found> find(PageScan scan) {
        Element h1 = scan.titleHeading();
        List<Element> candidates = scan.prices;
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Elsewhere elsewhere = new Elsewhere(scan);
        int h1Index = h1 == null ? -1 : scan.position(h1);
        Element best = null;
        PriceParser.Price bestPrice = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestDistance = Integer.MAX_VALUE;
        int seen = 0;
        String[] names = new String[candidates.size()]; // lower-cased own names, built once per candidate
        for (int i = 0; i < candidates.size(); i++) {
            Element candidate = candidates.get(i);
            if (++seen > MAX_CANDIDATES) {
                break;
            }
            if (isInvisible(candidate)) {
                continue; // a meta itemprop=price is microdata, read as such: this is about what is shown
            }
            String own = ownNames(candidates, names, i);
            // the cheap tests first: most candidates are wrappers with long text, or labels
            if (STRUCK.in(own)) {
                continue;
            }
            String text = priceText(candidate);
            if (text == null) {
                continue;
            }
            double score = 0;
            score += candidate.id().toLowerCase(Locale.ROOT).contains("price") ? 2 : 0;
            score += CURRENT.in(own) ? 1 : 0;
            score += candidate.hasAttr("itemprop") ? 2 : 0;
            // "49 890 тг. 44 890 тг.": an old and a new price together; their own elements are better
            score -= severalAmounts(text) ? 1.5 : 0;
            score -= wrapsAStruckPrice(candidates, names, i) ? 2 : 0;
            boolean currencyShown = HAS_CURRENCY.matcher(text).find();
            int distance = Integer.MAX_VALUE;
            if (h1Index >= 0) {
                distance = scan.pricePosition(i) - h1Index;
                score += distance >= 0 ? Math.max(0, 3 - distance / 150.0) : -1 - Math.min(2, -distance / 500.0);
            }
            if (score + 1 <= bestScore) {
                continue; // cannot win even with the point for a currency or decimals: not worth parsing
            }
            Optional<PriceParser.Price> price = PriceParser.parseVisible(text);
            if (price.isEmpty()) {
                continue;
            }
            score += currencyShown || price.get().amount().scale() > 0 ? 1 : 0;
            if (DEBUG) {
                System.err.println("CAND " + score + " " + text + " | " + own);
            }
            // the ancestor climbs only for a candidate that would win: a loser needs no reason to lose
            if (score > bestScore && !isStruck(candidate) && !elsewhere.holds(candidate)) {
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
                && Text.hasNoText(candidate)) {
            return candidate.attr("data-price");
        }
        Shape shape = Shape.of(candidate, MAX_TEXT * 3);
        // a container, a text without a digit, a long one without a struck part: none can hold the price,
        // and building their text would cost more than all the rest
        if (shape.visible > MAX_TEXT * 3 || !shape.digit || shape.visible > MAX_TEXT && !shape.struck) {
            return null;
        }
        String text = candidate.text().strip();
        // the shape's walk was complete (it stops only past the limit, refused above): its answer
        // is the one a selectFirst("del, s, strike") over the candidate would give, without a second walk
        if (text.length() <= MAX_TEXT * 3 && shape.struck) {
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

    /**
     * What a candidate's text is like, found by one bounded walk over its text nodes: how many
     * visible characters (a lower bound of its stripped text's length, counted up to the limit),
     * whether a digit is among them, whether a del/s/strike element is inside.
     */
    private static final class Shape implements NodeFilter {
        private final int limit;
        int visible;
        boolean digit;
        boolean struck;

        private Shape(int limit) {
            this.limit = limit;
        }

        static Shape of(Element e, int limit) {
            Shape shape = new Shape(limit);
            NodeTraversor.filter(shape, e);
            return shape;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String s = text.getWholeText();
                for (int i = 0; i < s.length() && visible <= limit; i++) {
                    char c = s.charAt(i);
                    digit |= Character.isDigit(c);
                    visible += Text.isVisible(c) ? 1 : 0;
                }
            } else if (node instanceof Element e && isStrikeTag(e.normalName())) {
                struck = true;
            }
            return visible > limit ? FilterResult.STOP : FilterResult.CONTINUE;
        }
    }

    /**
     * A digit, something else, then a number of two digits or more ("44 890 тг. 49 890 тг.", but
     * also "1,250": grouped thousands count): what the regex {@code \d[\d.,\s]*\D+\d[\d.,]*\d}
     * finds, by one scan instead of its backtracking.
     */
    static boolean severalAmounts(String text) {
        int n = text.length();
        for (int i = 0; i + 1 < n; i++) {
            if (!isDigit(text.charAt(i)) || isDigit(text.charAt(i + 1))) {
                continue;
            }
            int j = i + 1;
            while (j < n && !isDigit(text.charAt(j))) {
                j++;
            }
            for (int k = j + 1; k < n && (isDigit(text.charAt(k)) || ".,".indexOf(text.charAt(k)) >= 0); k++) {
                if (isDigit(text.charAt(k))) {
                    return true;
                }
            }
            i = j - 1;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isInvisible(Element e) {
        String tag = e.normalName();
        return tag.equals("meta") || tag.equals("link")
                || tag.equals("input") && e.attr("type").equalsIgnoreCase("hidden");
    }

    private static char firstDigitOrSelf(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 'x';
    }

    /**
     * The struck-through price in the same block: a del/s element or an "old"/"was" price class,
     * in the price's parent first, else its grandparent, else one level further up. The outermost
     * block is searched once, each match ranked by the innermost of the three blocks holding it.
     */
    private static BigDecimal struckNear(Element price, PriceParser.Price found) {
        List<Element> blocks = new ArrayList<>(3);
        for (Element block = price.parent(); block != null && blocks.size() < 3; block = block.parent()) {
            blocks.add(block);
        }
        if (blocks.isEmpty()) {
            return null;
        }
        BigDecimal struck = null;
        int struckLevel = blocks.size();
        for (Element e : struckOrOldNamed(blocks.get(blocks.size() - 1))) {
            int level = 0;
            while (level < struckLevel && !PageScan.within(e, blocks.get(level))) {
                level++;
            }
            if (level >= struckLevel) {
                continue; // a nearer one is already known
            }
            String text = e.text();
            if (text.length() <= MAX_TEXT) {
                Optional<PriceParser.Price> p = PriceParser.parseVisible(text);
                if (p.isPresent() && p.get().amount().compareTo(found.amount()) > 0
                        && (OLD.in(ownNames(e)) || isStruck(e))) {
                    struck = p.get().amount();
                    struckLevel = level;
                    if (level == 0) {
                        break;
                    }
                }
            }
        }
        return struck;
    }

    /** del, s and strike elements and "old"/"was" classes in a block (the block too), in document order. */
    private static List<Element> struckOrOldNamed(Element block) {
        List<Element> found = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e
                    && (isStrikeTag(e.normalName()) || OLD_CLASS.in(PageScan.lower(e.className())))) {
                found.add(e);
            }
        }, block);
        return found;
    }

    private static boolean isStrikeTag(String tag) {
        return tag.equals("del") || tag.equals("s") || tag.equals("strike");
    }

    /**
     * "price-box" around "price-old" and "price": the parts are judged on their own. The
     * candidates inside one are the ones right after it in document order.
     */
    private static boolean wrapsAStruckPrice(List<Element> candidates, String[] names, int index) {
        Element candidate = candidates.get(index);
        if (candidate.firstElementChild() == null) { // (childrenSize() would build and cache a list)
            return false;
        }
        for (int j = index + 1; j < candidates.size() && PageScan.within(candidates.get(j), candidate); j++) {
            if (OLD.in(ownNames(candidates, names, j))) {
                return true;
            }
        }
        return false;
    }

    private static String ownNames(List<Element> candidates, String[] names, int index) {
        if (names[index] == null) {
            names[index] = ownNames(candidates.get(index));
        }
        return names[index];
    }

    /** Class, id and itemprop, lower-cased (the name patterns are lower-case words). */
    private static String ownNames(Element e) {
        return PageScan.lower(e.className() + " " + e.id() + " " + e.attr("itemprop"));
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

}
