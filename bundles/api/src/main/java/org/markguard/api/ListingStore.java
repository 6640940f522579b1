package org.markguard.api;

import java.util.Optional;

/** Where assessed listings are kept and searched. Implemented by the index-elasticsearch bundle. */
public interface ListingStore {

    /**
     * Stores or updates (same id) a listing, keeping its history: first seen, distinct prices, and
     * clearing a previous "gone" mark. Durable once it returns, also while the backing store is
     * unreachable (the listing then waits in a durable spool and is written, in order, when the
     * store is back).
     */
    void store(AssessedListing listing) throws StoreException;

    /**
     * Marks a stored listing as removed from its platform (the page answered 404 or 410). Unknown
     * ids are ignored. Nothing is deleted.
     */
    void markGone(String id, java.time.Instant when) throws StoreException;

    /**
     * Replaces the findings and risk of stored listings (a backfill), leaving their capture and
     * history as they are; listings no longer stored are skipped. Stores may do it in one round trip.
     *
     * @return how many listings were updated
     */
    default int updateFindings(java.util.List<AssessedListing> listings) throws StoreException {
        int n = 0;
        for (AssessedListing a : listings) {
            java.util.Optional<AssessedListing> stored = get(a.listing().id());
            if (stored.isPresent()) {
                store(new AssessedListing(stored.get().listing(), a.findings(), a.risk(), stored.get().history()));
                n++;
            }
        }
        return n;
    }

    /** Listings written to the spool and not yet in the store (0 when the store is reachable). */
    default long pending() {
        return 0;
    }

    Optional<AssessedListing> get(String id) throws StoreException;

    ListingPage search(ListingQuery query) throws StoreException;

    /** Makes everything stored so far visible to search (tests and reports). */
    void refresh() throws StoreException;

    /** The state of the backing store, for the health endpoint: green, yellow, red or unreachable. */
    String health();
}
