package org.markguard.demo;

import java.util.List;
import org.markguard.api.Seller;

/**
 * One generated listing. Never stored: it is regenerated from (seed, index) whenever a page or
 * the labels need it, which is what lets the demo serve 100,000 listings in little memory.
 *
 * @param index position in the site, 0-based
 * @param itemId the platform item id, derived from the index so a URL maps back to it
 * @param platform platform key (shopee, lazada, tiktok)
 * @param productCategory the shop category it is browsed under
 * @param category the ground-truth class
 * @param title title as the seller wrote it (NFC, without diacritics or NFD)
 * @param description description as the seller wrote it
 * @param price asking price in VND
 * @param seller who sells it
 * @param brand the brand a structured page claims ("No Brand" when none)
 * @param imageCount how many product images the page shows
 * @param livestreamHost the KOL presenting it (TikTok-like pages)
 * @param live whether that livestream is live now
 * @param expected what a correct detector should flag, empty when nothing
 */
record DemoListing(int index, long itemId, String platform, ProductCategory productCategory,
                   LabelCategory category, String title, String description, long price, Seller seller,
                   String brand, int imageCount, String livestreamHost, boolean live,
                   List<Expectation> expected) {
    static final String CURRENCY = "VND";

    DemoListing {
        expected = List.copyOf(expected);
    }
}
