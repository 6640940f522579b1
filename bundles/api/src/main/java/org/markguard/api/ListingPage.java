package org.markguard.api;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many listings match in all
 * @param items this page's listings
 * @param next cursor for the following page, null on the last page
 */
public record ListingPage(long total, List<AssessedListing> items, String next) {
    public ListingPage {
        items = List.copyOf(items == null ? List.of() : items);
    }
}
