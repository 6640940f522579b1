package org.markguard.extract;

import java.util.Collections;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Tells whether an element sits outside the page's own product: in page furniture (header,
 * footer, navigation, aside, menus, the mini cart) or in a strip of other products (related,
 * carousel, "also viewed" … by name, or by shape: one of three or more sibling cards of the same
 * tag and class that each show an image, a link and a price). One per page; answers are cached per
 * ancestor, since the price candidates of a page share most of theirs.
 */
final class Elsewhere {
    /** Ancestors climbed from an element; the page's main content stops the climb earlier. */
    private static final int MAX_LEVELS = 12;
    private static final int CARDS = 3;
    /** No furniture before the main content or the root. */
    private static final int NONE = Integer.MAX_VALUE;
    /** The climb ran out of levels first. */
    private static final int UNKNOWN = -1;
    private static final Words NAMES = Words.of("related|recommend|similar|carousel|slider|swiper|"
            + "upsell|up-sell|crosssell|cross-sell|also|recent|viewed|footer|header|nav|menu|minicart|mini-cart|"
            + "basket|bundle|accessor|sponsor|advert|promo-list|product-list|productlist|product-grid|product-card|"
            + "listing|suggest|compare|review|twister|swatch|variant|option");
    private static final boolean DEBUG = Boolean.getBoolean("markguard.debug.price");

    private final PageScan scan;
    /**
     * Per ancestor, levels up to the nearest furniture or card (0: itself), or {@link #NONE} when
     * the main content or the root comes first. Only climbs that ended so are cached: a climb cut
     * short by {@link #MAX_LEVELS} says nothing about the ancestors above the cut, and caching it
     * would make the answer depend on which candidate climbed first.
     */
    private final Map<Element, Integer> distances = new IdentityHashMap<>();
    /** The price candidates and all their ancestors (built on first use). */
    private Set<Element> holdingPrices;
    /** Per element asked about: whether it is one of a row of product cards. */
    private final Map<Element, Boolean> cards = new IdentityHashMap<>();

    Elsewhere(PageScan scan) {
        this.scan = scan;
    }

    /** Whether the element is inside page furniture or another product's card. */
    boolean holds(Element e) {
        int distance = distance(e.parent(), MAX_LEVELS);
        return distance != UNKNOWN && distance < MAX_LEVELS;
    }

    /** Levels from a to furniture, NONE when there is none, UNKNOWN when the budget ran out first. */
    private int distance(Element a, int budget) {
        if (a == null) {
            return NONE;
        }
        Integer known = distances.get(a);
        if (known != null) {
            return known;
        }
        if (budget <= 0) {
            return UNKNOWN;
        }
        String tag = a.normalName();
        int result;
        if (tag.equals("body") || tag.equals("main") || tag.equals("html")) {
            result = NONE; // the climb stops at the page's main content
        } else if (isFurnitureOrCard(a)) {
            result = 0;
        } else {
            int above = distance(a.parent(), budget - 1);
            if (above == UNKNOWN) {
                return UNKNOWN;
            }
            result = above == NONE ? NONE : above + 1;
        }
        distances.put(a, result);
        return result;
    }

    private boolean isFurnitureOrCard(Element a) {
        String tag = a.normalName();
        if (tag.equals("header") || tag.equals("footer") || tag.equals("nav") || tag.equals("aside")) {
            return true;
        }
        String why = NAMES.find(PageScan.lower(a.className()));
        if (why == null && !a.id().isEmpty()) {
            why = NAMES.find(PageScan.lower(a.id())); // apart: no word spans the two
        }
        if (why != null) {
            if (DEBUG) {
                System.err.println("ELSEWHERE " + why + " in " + a.className() + " #" + a.id());
            }
            return true;
        }
        return a.parent() != null && isCard(a);
    }

    /**
     * A card of a product grid: it and two or more siblings of the same tag and class (one
     * template, repeated) each show an image, a link and a price. A page's own sections differ
     * in class even when several show all three.
     */
    private boolean isCard(Element a) {
        if (a.className().isEmpty() && !a.normalName().equals("li")) {
            return false; // bare divs are layout, not a repeated template; a list's items are a list
        }
        Boolean known = cards.get(a);
        if (known != null) {
            return known;
        }
        Element parent = a.parent();
        List<Element> alike = new ArrayList<>();
        int found = 0;
        for (Element sibling : parent.children()) {
            if (sibling.normalName().equals(a.normalName()) && sibling.className().equals(a.className())) {
                alike.add(sibling);
                if (found < CARDS && holdsPrice(sibling) && sibling.selectFirst("img") != null
                        && sibling.selectFirst("a[href]") != null) {
                    found++;
                }
            }
        }
        boolean strip = found >= CARDS;
        if (DEBUG && strip) {
            System.err.println("CARDS " + a.normalName() + "." + a.className() + " in " + parent.normalName());
        }
        for (Element sibling : alike) {
            cards.put(sibling, strip); // one answer for the whole row of alike siblings
        }
        return strip;
    }

    /** Whether a price candidate is the element or inside it. */
    private boolean holdsPrice(Element e) {
        if (holdingPrices == null) {
            // every ancestor of every candidate, by one climb each that stops where another climbed
            holdingPrices = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element price : scan.prices) {
                for (Element a = price; a != null && holdingPrices.add(a); a = a.parent()) {
                    // climbing
                }
            }
        }
        return holdingPrices.contains(e);
    }
}
