package org.markguard.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the index remembers of a listing across re-crawls: when it was first and last seen, the
 * prices it was offered at, and whether the platform removed it (a gone listing is marked, never
 * deleted: it may be evidence).
 *
 * @param firstSeen first capture time
 * @param lastSeen latest capture time
 * @param gone true once a re-crawl got 404 or 410 for it
 * @param goneAt when that was seen, null while online
 * @param prices every distinct price seen, oldest first
 * @param review where the listing stands in review (kept across re-crawls like the rest)
 */
public record ListingHistory(Instant firstSeen, Instant lastSeen, boolean gone, Instant goneAt,
                             List<PricePoint> prices, ReviewState review) {
    public static final ListingHistory NONE = new ListingHistory(null, null, false, null, List.of());

    public ListingHistory {
        prices = List.copyOf(prices == null ? List.of() : prices);
        review = review == null ? ReviewState.NONE : review;
    }

    /** A history without reviews. */
    public ListingHistory(Instant firstSeen, Instant lastSeen, boolean gone, Instant goneAt, List<PricePoint> prices) {
        this(firstSeen, lastSeen, gone, goneAt, prices, ReviewState.NONE);
    }

    /** The same history with another review state. */
    public ListingHistory withReview(ReviewState state) {
        return new ListingHistory(firstSeen, lastSeen, gone, goneAt, prices, state);
    }

    /** A price as seen at one capture. */
    public record PricePoint(BigDecimal price, String currency, Instant seenAt) {
    }
}
