package org.markguard.api;

import java.util.List;
import java.util.Optional;

/** Turns a fetched page into a listing. Implemented by the extract bundle. */
public interface Extractor {

    /**
     * Extracts the product offer of a page.
     *
     * @return the listing, or empty when the page offers no product (a category page, a post
     *     without anything for sale); a malformed page still yields a listing with warnings
     */
    Optional<Listing> extract(FetchedPage page);

    /**
     * Extracts every product offer of a page: one for a product page, one per product line for a
     * price list or catalogue (a PDF of a shop, each line linked to the shop page).
     */
    default List<Listing> extractAll(FetchedPage page) {
        return extract(page).map(List::of).orElse(List.of());
    }
}
