package org.markguard.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one source found on a page. Every setter keeps the first usable value, so a source can
 * offer candidates in its own order of preference; text is cleaned on the way in so that "has it"
 * means "has non-blank text".
 */
final class ProductFields {
    /** Images beyond this many are noise (thumbnails of other products). */
    static final int MAX_IMAGES = 50;

    final FieldSource source;
    /** Whether this source, on its own, says the page offers a product. */
    boolean product;
    String title;
    String description;
    BigDecimal price;
    String currency;
    String sellerId;
    String sellerName;
    String sellerLocation;
    String brand;
    String sku;
    /** The SKU is the code the page shows under a label, and the more trusted sources' SKU is not shown. */
    boolean skuShown;
    String availability;
    String gtin;
    BigDecimal originalPrice;
    /** The highest price offered, kept for {@code priceHigh} when the page shows a range. */
    BigDecimal highestPrice;
    Double rating;
    Long soldCount;
    String livestreamHost;
    final Set<String> imageAlts = new LinkedHashSet<>();
    /** A canonical URL this source declares (link rel=canonical, og:url), absolute. */
    String canonicalUrl;
    private final Set<String> images = new LinkedHashSet<>();

    ProductFields(FieldSource source) {
        this.source = source;
    }

    void title(String raw) {
        if (title == null) {
            title = Text.clean(raw);
        }
    }

    void description(String raw) {
        if (description == null) {
            description = Text.clean(raw);
        }
    }

    /** A description whose format is HTML (JSON-LD, embedded JSON): its text without the markup. */
    void descriptionFromMarkup(String raw) {
        if (description == null) {
            description = Text.cleanMarkup(raw);
        }
    }

    void sellerId(String raw) {
        if (sellerId == null) {
            sellerId = Text.clean(raw);
        }
    }

    void sellerName(String raw) {
        if (sellerName == null) {
            sellerName = Text.clean(raw);
        }
    }

    void sellerLocation(String raw) {
        if (sellerLocation == null) {
            sellerLocation = Text.clean(raw);
        }
    }

    void brand(String raw) {
        if (brand == null) {
            brand = Text.clean(raw);
        }
    }

    void sku(String raw) {
        if (sku == null) {
            sku = Text.clean(raw);
        }
    }

    void availability(String raw) {
        if (availability == null) {
            String clean = Text.clean(raw);
            // "http://schema.org/InStock" and "InStock" mean the same: keep the term only
            availability = clean == null ? null : clean.substring(clean.lastIndexOf('/') + 1);
        }
    }

    void gtin(String raw) {
        if (gtin == null && raw != null) {
            String digits = raw.replaceAll("[\\s-]", "");
            // GTIN-8/12/13/14 only: other numbers under a gtin key are not barcodes
            gtin = digits.matches("\\d{8}|\\d{12,14}") ? digits : null;
        }
    }

    void originalPrice(PriceParser.Price before) {
        if (originalPrice == null && before != null) {
            originalPrice = before.amount();
        }
    }

    void rating(String raw) {
        if (rating == null && raw != null) {
            PriceParser.decimalNumber(raw).filter(r -> r > 0 && r <= 100).ifPresent(r -> rating = r);
        }
    }

    void soldCount(Long count) {
        if (soldCount == null && count != null && count >= 0) {
            soldCount = count;
        }
    }

    void livestreamHost(String raw) {
        if (livestreamHost == null) {
            livestreamHost = Text.clean(raw);
        }
    }

    void imageAlt(String raw) {
        String alt = Text.clean(raw);
        if (alt != null && alt.length() <= 300 && imageAlts.size() < MAX_IMAGES) {
            imageAlts.add(alt);
        }
    }

    void canonicalUrl(String absolute) {
        if (canonicalUrl == null && absolute != null && !absolute.isBlank()) {
            canonicalUrl = absolute.strip();
        }
    }

    /** Adds an image URL that is already absolute; blanks and duplicates are ignored. */
    void image(String absolute) {
        if (absolute != null && !absolute.isBlank() && images.size() < MAX_IMAGES) {
            images.add(absolute.strip());
        }
    }

    List<String> images() {
        return new ArrayList<>(images);
    }

    /**
     * Offers one price seen by this source. A listing records the lowest price asked, so among
     * several offers in the same currency the lowest wins; an offer in another currency than the
     * one already kept is ignored rather than compared.
     */
    void offer(PriceParser.Price offered) {
        if (offered == null) {
            return;
        }
        if (highestPrice == null || offered.amount().compareTo(highestPrice) > 0) {
            highestPrice = offered.amount();
        }
        if (price == null) {
            price = offered.amount();
            if (currency == null) {
                currency = offered.currency();
            }
            return;
        }
        boolean comparable = currency == null || offered.currency() == null
                || currency.equals(offered.currency());
        if (comparable && offered.amount().compareTo(price) < 0) {
            price = offered.amount();
        }
        if (currency == null) {
            currency = offered.currency();
        }
    }

    /** Whether this source found anything worth merging. */
    boolean isEmpty() {
        return title == null && description == null && price == null && currency == null
                && sellerId == null && sellerName == null && sellerLocation == null
                && images.isEmpty() && brand == null && sku == null && gtin == null;
    }
}
