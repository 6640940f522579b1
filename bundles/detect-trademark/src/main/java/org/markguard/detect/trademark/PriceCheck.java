package org.markguard.detect.trademark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import org.markguard.api.Brand;
import org.markguard.api.Listing;

/**
 * A price far below what genuine goods cost: compared with the brand's reference price only in the
 * same currency (no exchange rates here), and only for a positive price (0 is usually "ask for price").
 */
final class PriceCheck {
    private PriceCheck() {
    }

    static Optional<Signal> lowPrice(Brand brand, Listing listing, double ratio, double weight) {
        Brand.ReferencePrice reference = brand.referencePrice();
        BigDecimal price = listing.price();
        if (reference == null || reference.min() == null || reference.min().signum() <= 0 || price == null
                || price.signum() <= 0 || listing.currency() == null
                || !listing.currency().strip().equalsIgnoreCase(reference.currency())) {
            return Optional.empty();
        }
        BigDecimal threshold = reference.min().multiply(BigDecimal.valueOf(ratio));
        if (price.compareTo(threshold) >= 0) {
            return Optional.empty();
        }
        BigDecimal percent = price.multiply(BigDecimal.valueOf(100)).divide(reference.min(), 0, RoundingMode.HALF_UP);
        String share = percent.signum() == 0 ? "less than 1 %" : percent.toPlainString() + " %";
        String currency = symbol(reference.currency());
        return Optional.of(Signal.of("price " + amount(price) + " " + currency + " is " + share
                + " of the reference " + amount(reference.min()) + " " + currency, weight));
    }

    /** "₫" for VND, which reviewers in Vietnam read at a glance; the ISO code otherwise. */
    private static String symbol(String currency) {
        return "VND".equalsIgnoreCase(currency.strip()) ? "₫" : currency.strip();
    }

    /** 350000 → "350,000"; decimals kept when there are any (12.5 → "12.5"). */
    static String amount(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
