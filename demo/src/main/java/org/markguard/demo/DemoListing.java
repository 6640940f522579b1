package org.markguard.demo;

import java.util.List;
import org.markguard.api.Seller;

/**
 * One generated listing. Never stored: it is regenerated from (seed, index) whenever a page or
 * the labels need it, which is what lets the demo serve 100,000 listings in little memory.
 *
 * @param index position in the site, 0-based
 * @param itemId the platform item id, derived from the index so a URL maps back to it
 * @param platform platform key (shopee, lazada, tiktok, facebook, rao-vat, jsrender, private-group)
 * @param productCategory the shop category it is browsed under
 * @param category the ground-truth class
 * @param title title as the seller wrote it (NFC, without diacritics or NFD)
 * @param description description as the seller wrote it
 * @param price asking price in VND in the site's generation (the last one online when gone)
 * @param seller who sells it; {@code location} as written on the page (null when a post does not
 *     say), {@code province} the 2025 province it lies in (null when unknown)
 * @param brand the brand a structured page claims ("No Brand" when none)
 * @param imageCount how many product images the page shows
 * @param livestreamHost the KOL presenting it (TikTok-like pages)
 * @param live whether that livestream is live now
 * @param expected what a correct detector should flag, empty when nothing
 * @param hard the detector hard-case annotations (obfuscation, qualifier, OCOP claim, image alt)
 * @param postPrice how a free-text post writes the price; null on structured platforms
 * @param history price per generation and removal
 */
record DemoListing(int index, long itemId, String platform, ProductCategory productCategory,
                   LabelCategory category, String title, String description, long price, Seller seller,
                   String brand, int imageCount, String livestreamHost, boolean live,
                   List<Expectation> expected, HardCase hard, PostPrice.Written postPrice, History history) {
    static final String CURRENCY = "VND";

    DemoListing {
        expected = List.copyOf(expected);
    }

    /** False only for posts that sell nothing; the extractor should find no offer there. */
    boolean offer() {
        return category != LabelCategory.NOT_OFFER;
    }

    /** The price the page states, null when it states none ("inbox giá", or not an offer). */
    Long publishedPrice() {
        if (!offer() || postPrice != null && postPrice.style() == PostPrice.Style.INBOX) {
            return null;
        }
        return price;
    }

    /** Whether the listing still answers 200 in the site's generation. */
    boolean online() {
        return history.goneSinceGeneration() == 0;
    }

    /**
     * What makes a listing hard for a detector, as labelled.
     *
     * @param obfuscation how the brand is disguised: none, spaced, dotted, confusable, leet, typo, alt-text
     * @param imageAlt alt text of the product images, null for the platform's default (the title)
     * @param giQualifier "kiểu", "type", "style"… when an indication is qualified, else null
     * @param ocopStars the OCOP rating the text claims, 0 when none
     */
    record HardCase(String obfuscation, String imageAlt, String giQualifier, int ocopStars) {
        static final HardCase NONE = new HardCase("none", null, null, 0);

        HardCase withOcop(int stars) {
            return new HardCase(obfuscation, imageAlt, giQualifier, stars);
        }
    }

    /**
     * How the listing changed over generations (see {@code --generation}).
     *
     * @param priceByGeneration the price in generation 1, 2, … up to the site's, or up to the last one it was online
     * @param goneSinceGeneration the first generation it is removed in, 0 when online
     * @param goneStatus the status a removed listing answers (404 or 410), 0 when online
     */
    record History(List<Long> priceByGeneration, int goneSinceGeneration, int goneStatus) {
        History {
            priceByGeneration = List.copyOf(priceByGeneration);
        }
    }
}
