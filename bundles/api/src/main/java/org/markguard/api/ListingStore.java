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

    /** Receives the pages of a {@link #scan}. */
    @FunctionalInterface
    interface PageConsumer {
        void accept(ListingPage page) throws StoreException;
    }

    /**
     * Hands every listing matching the query's filters (and {@code q}) to {@code consumer} once, up to
     * {@code query.size()} at a time, in no particular order: for work over the whole index (a
     * backfill, the known URLs of a re-crawl), where paging {@link #search} newest first would sort
     * the whole index again for every page. {@code query.after()} is ignored; each page's
     * {@code total} is the number of matches when the scan started and its {@code next} is null.
     * Listings stored or changed while the scan runs may or may not be seen, in their old or new
     * state; stores that can scan a snapshot do (the default pages through {@link #search}).
     * A consumer's exception ends the scan and is thrown from it.
     */
    default void scan(ListingQuery query, PageConsumer consumer) throws StoreException {
        String after = null;
        do {
            ListingPage page = search(query.after(after));
            consumer.accept(new ListingPage(page.total(), page.items(), null));
            after = page.next();
        } while (after != null);
    }

    /** Receives the URLs of a {@link #scanUrls}. */
    @FunctionalInterface
    interface UrlConsumer {
        void accept(java.util.List<String> urls) throws StoreException;
    }

    /**
     * Hands the URL of every listing of {@code platform} whose URL is on one of {@code hosts}
     * (http or https, any port; host names compared without case) to {@code consumer} once, a batch
     * at a time, in no particular order: the known URLs a re-crawl of a source visits again. The
     * default scans whole listings of the platform and keeps those on the hosts; stores that can
     * filter by host and fetch the URL alone do, so that a crawl's start does not read every
     * listing of a platform the index holds.
     */
    default void scanUrls(String platform, java.util.Set<String> hosts, UrlConsumer consumer) throws StoreException {
        java.util.Set<String> wanted = ListingUrls.lowerCase(hosts);
        scan(new ListingQuery(null, null, null, null, platform, ListingQuery.MAX_SIZE, null), page -> {
            java.util.List<String> urls = new java.util.ArrayList<>();
            for (AssessedListing a : page.items()) {
                if (wanted.contains(ListingUrls.hostOf(a.listing().url()))) {
                    urls.add(a.listing().url());
                }
            }
            if (!urls.isEmpty()) {
                consumer.accept(urls);
            }
        });
    }

    /** Makes everything stored so far visible to search (tests and reports). */
    void refresh() throws StoreException;

    /** The state of the backing store, for the health endpoint: green, yellow, red or unreachable. */
    String health();
}
