package org.markguard.api;

import java.util.List;

/**
 * Records reviews of listings and reads their history. Implemented by the index bundle (reviews
 * are kept in Elasticsearch next to the listings, append-only).
 */
public interface ReviewService {

    /**
     * Records a review and updates the listing's {@link ReviewState}.
     *
     * @throws java.util.NoSuchElementException when no listing has that id
     */
    Review review(String listingId, ReviewRequest request, String reviewer) throws StoreException;

    /** The reviews of a listing, oldest first; empty when it has none. */
    List<Review> reviews(String listingId) throws StoreException;
}
