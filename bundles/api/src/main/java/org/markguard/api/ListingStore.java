package org.markguard.api;

import java.util.Optional;

/** Where assessed listings are kept and searched. Implemented by the index-elasticsearch bundle. */
public interface ListingStore {

    /** Stores or replaces (same id) a listing; durable once it returns. */
    void store(AssessedListing listing) throws StoreException;

    Optional<AssessedListing> get(String id) throws StoreException;

    ListingPage search(ListingQuery query) throws StoreException;

    /** Makes everything stored so far visible to search (tests and reports). */
    void refresh() throws StoreException;

    /** The state of the backing store, for the health endpoint: green, yellow, red or unreachable. */
    String health();
}
