package org.markguard.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a listing says about the product beyond title, description and price. Every field may be
 * null (or empty) when the page does not say.
 *
 * @param brand the brand as the page states it (not a registry match)
 * @param sku the seller's or platform's stock-keeping unit
 * @param gtin a GTIN/EAN/UPC barcode number
 * @param availability {@code InStock}, {@code OutOfStock}, … (schema.org names, without the URL)
 * @param originalPrice the struck-through "before" price, in the listing's currency
 * @param priceHigh the upper bound when the page shows a range (the listing price is the lower one)
 * @param rating average rating as shown (usually 0–5)
 * @param soldCount how many were sold, as shown
 * @param livestreamHost the KOL/KOC hosting a livestream that sells the product
 * @param imageAlts alternative texts of the product images (brands hide there too)
 * @param language ISO 639-1 code of the text, e.g. {@code vi}
 * @param productGroup id of the product group of the configured taxonomy
 * @param images what the product photos that were fetched say (perceptual hash, EXIF); empty when
 *     none were fetched
 */
public record ProductDetails(String brand, String sku, String gtin, String availability,
                             BigDecimal originalPrice, BigDecimal priceHigh, Double rating, Long soldCount,
                             String livestreamHost, List<String> imageAlts, String language,
                             String productGroup, List<ImageFacts> images) {
    public static final ProductDetails NONE = new ProductDetails(null, null, null, null, null, null, null,
            null, null, null, null, null);

    public ProductDetails {
        imageAlts = List.copyOf(imageAlts == null ? List.of() : imageAlts);
        images = List.copyOf(images == null ? List.of() : images);
    }

    /** Details without fetched images (what the page text alone says). */
    public ProductDetails(String brand, String sku, String gtin, String availability,
                          BigDecimal originalPrice, BigDecimal priceHigh, Double rating, Long soldCount,
                          String livestreamHost, List<String> imageAlts, String language, String productGroup) {
        this(brand, sku, gtin, availability, originalPrice, priceHigh, rating, soldCount, livestreamHost, imageAlts,
                language, productGroup, List.of());
    }

    /** The same details with these fetched images. */
    public ProductDetails withImages(List<ImageFacts> fetched) {
        return new ProductDetails(brand, sku, gtin, availability, originalPrice, priceHigh, rating, soldCount,
                livestreamHost, imageAlts, language, productGroup, fetched);
    }

    /** The same details in another product group. */
    public ProductDetails withProductGroup(String group) {
        return new ProductDetails(brand, sku, gtin, availability, originalPrice, priceHigh, rating, soldCount,
                livestreamHost, imageAlts, language, group, images);
    }
}
