package org.markguard.api;

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
}
