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
    private static final Words NAMES = Words.of("related|recommend|similar|carousel|slider|swiper|"
            + "upsell|up-sell|crosssell|cross-sell|also|recent|viewed|footer|header|nav|menu|minicart|mini-cart|"
            + "basket|bundle|accessor|sponsor|advert|promo-list|product-list|productlist|product-grid|product-card|"
            + "listing|suggest|compare|review|twister|swatch|variant|option");
    private static final boolean DEBUG = Boolean.getBoolean("markguard.debug.price");

    private final PageScan scan;
    private final Map<Element, Boolean> answers = new IdentityHashMap<>();
    /** The price candidates and all their ancestors (built on first use). */
    private Set<Element> holdingPrices;
    /** Per element asked about: whether it is one of a row of product cards. */
    private final Map<Element, Boolean> cards = new IdentityHashMap<>();

    Elsewhere(PageScan scan) {
        this.scan = scan;
    }

    /** Whether the element is inside page furniture or another product's card. */
    boolean holds(Element e) {
        return climb(e.parent(), 0);
    }

    private boolean climb(Element a, int level) {
        if (a == null || level >= MAX_LEVELS) {
            return false;
        }
        Boolean known = answers.get(a);
        if (known != null) {
            return known;
        }
        String tag = a.normalName();
        if (tag.equals("body") || tag.equals("main") || tag.equals("html")) {
            return false; // the climb stops at the page's main content
        }
        boolean result = isFurnitureOrCard(a) || climb(a.parent(), level + 1);
        answers.put(a, result);
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
