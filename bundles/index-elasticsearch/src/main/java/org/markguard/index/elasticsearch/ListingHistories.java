package org.markguard.index.elasticsearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.markguard.api.AssessedListing;
import org.markguard.api.ListingHistory;
import org.markguard.api.ListingHistory.PricePoint;

/** How a re-crawl changes what the index remembers of a listing. */
final class ListingHistories {
    /** Enough for years of daily re-crawls with changing prices; older points are dropped. */
    static final int MAX_PRICE_POINTS = 500;

    private ListingHistories() {
    }

    /** The new capture, with the history of the stored one carried over and extended. */
    static AssessedListing merge(Optional<AssessedListing> stored, AssessedListing fresh) {
        Instant captured = fresh.listing().captureTime();
        ListingHistory before = stored.map(AssessedListing::history).orElse(ListingHistory.NONE);
        Instant firstSeen = before.firstSeen() != null ? before.firstSeen() : captured;
        List<PricePoint> prices = new ArrayList<>(before.prices());
        if (fresh.listing().price() != null) {
            PricePoint last = prices.isEmpty() ? null : prices.get(prices.size() - 1);
            boolean changed = last == null || last.price() == null
                    || last.price().compareTo(fresh.listing().price()) != 0
                    || !Objects.equals(last.currency(), fresh.listing().currency());
            if (changed) {
                prices.add(new PricePoint(fresh.listing().price(), fresh.listing().currency(), captured));
            }
        }
        if (prices.size() > MAX_PRICE_POINTS) {
            prices = prices.subList(prices.size() - MAX_PRICE_POINTS, prices.size());
        }
        // seen again: online, whatever an earlier crawl said
        return new AssessedListing(fresh.listing(), fresh.findings(), fresh.risk(),
                new ListingHistory(firstSeen, captured, false, null, prices, before.review()));
    }

    /** The stored listing marked as removed from its platform. */
    static AssessedListing gone(AssessedListing stored, Instant when) {
        ListingHistory h = stored.history();
        if (h.gone()) {
            return stored; // keep the first time it was seen gone
        }
        return new AssessedListing(stored.listing(), stored.findings(), stored.risk(),
                new ListingHistory(h.firstSeen(), h.lastSeen(), true, when, h.prices(), h.review()));
    }
}
