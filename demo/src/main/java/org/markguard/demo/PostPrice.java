package org.markguard.demo;

import java.util.SplittableRandom;

/**
 * Prices as people write them in group posts: "giá 350k", "1tr2", "1.250.000đ",
 * "₫150.000 - ₫220.000", or not at all ("inbox giá"). A free-text extractor has to read these.
 */
final class PostPrice {
    private PostPrice() {
    }

    enum Style {
        /** "giá 350k": thousands with a k. */
        K,
        /** "1tr2" = 1,200,000; only for prices that are whole hundred-thousands of at least a million. */
        TR,
        /** "1.250.000đ". */
        DOTTED,
        /** "₫150.000 - ₫220.000": the label's price is the lower bound, {@code priceMax} the upper. */
        RANGE,
        /** "inbox giá": no price on the page, the label's price is null. */
        INBOX
    }

    /**
     * A post's price style; {@code spreadPercent} makes the upper bound of a range.
     */
    record Written(Style style, int spreadPercent) {

        /** The rounding step that keeps a price writable in this style (prices change between generations). */
        long step() {
            return style == Style.TR ? 100_000 : 1000;
        }

        /** The upper bound of a range, else the price itself. */
        long max(long price) {
            return style == Style.RANGE ? Money.round(price * (100 + spreadPercent) / 100.0, 1000) : price;
        }

        /** The price as the post writes it. */
        String text(long price) {
            return switch (style) {
                case K -> "giá " + price / 1000 + "k";
                case TR -> "chốt " + tr(price);
                case DOTTED -> "Giá: " + Money.grouped(price) + "đ";
                case RANGE -> Money.shopee(price) + " - " + Money.shopee(max(price)) + " tùy mẫu";
                case INBOX -> "inbox giá";
            };
        }
    }

    /** A style that can write the price; TR only for whole hundred-thousands of a million or more. */
    static Written pick(SplittableRandom rnd, long price) {
        int roll = rnd.nextInt(100);
        Style style = roll < 30 ? Style.K : roll < 50 ? Style.DOTTED : roll < 70 ? Style.RANGE : roll < 85 ? Style.TR
                : Style.INBOX;
        if (style == Style.TR && price < 1_000_000) {
            style = Style.K;
        }
        return new Written(style, 20 + rnd.nextInt(41));
    }

    /** 1,200,000 → "1tr2", 2,000,000 → "2tr", 15,500,000 → "15tr5". */
    static String tr(long price) {
        long millions = price / 1_000_000;
        long tenths = price % 1_000_000 / 100_000;
        return millions + "tr" + (tenths == 0 ? "" : Long.toString(tenths));
    }
}
