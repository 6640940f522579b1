package org.markguard.api;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total how many listings match in all
 * @param items this page's listings
 * @param next cursor for the following page, null on the last page
 * @param facets when asked for: per facet name the values and their counts over all matches
 */
public record ListingPage(long total, List<AssessedListing> items, String next, Map<String, List<FacetCount>> facets) {
    public ListingPage {
        items = List.copyOf(items == null ? List.of() : items);
        facets = facets == null ? Map.of() : facets;
    }

    public ListingPage(long total, List<AssessedListing> items, String next) {
        this(total, items, next, Map.of());
    }

    /** One facet value and how many matches have it. */
    public record FacetCount(String value, long count) {
    }
}
