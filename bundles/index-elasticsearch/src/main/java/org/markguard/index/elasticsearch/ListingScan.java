package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.markguard.api.AssessedListing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link ListingStore#scan}: a point in time over the alias, paged with {@code search_after}
 * on {@code _shard_doc} (index order). Unlike paging the newest-first search, whose every page
 * sorts and counts all matches again (quadratic over a whole index), each page costs the same
 * however deep it is; and the point in time is a snapshot, so listings a backfill updates while it
 * pages are neither seen twice nor skipped. The matches are counted on the first page only, and
 * the next page is fetched while the consumer works on the current one.
 */
final class ListingScan {
    private static final Logger LOG = LoggerFactory.getLogger(ListingScan.class);
    /** How long the snapshot outlives a page: the consumer's work on one page must fit in it. */
    static final String KEEP_ALIVE = "5m";
    /**
     * Index-only fields no reader of listings uses (the folded match fields, the contact traces and
     * description hash the seller links aggregate on): not sent back, not parsed. A re-index reads
     * whole documents and does not use this.
     */
    static final List<String> NOT_FETCHED = List.of(ListingDocument.FIELD_TITLE_FOLDED,
            ListingDocument.FIELD_DESCRIPTION_FOLDED, ListingDocument.FIELD_SELLER_FOLDED, "contacts",
            ListingDocument.FIELD_DESCRIPTION_HASH);

    private final StoreCalls es;
    private final Executor prefetcher;

    ListingScan(StoreCalls es, Executor prefetcher) {
        this.es = es;
        this.prefetcher = prefetcher;
    }

    void run(ListingQuery query, ListingStore.PageConsumer consumer) throws StoreException {
        Query filter = new ListingSearch(query).buildQuery();
        String pit = es.call("open point in time", () -> es.client.openPointInTime(o -> o
                .index(es.layout.alias()).keepAlive(k -> k.time(KEEP_ALIVE)))).id();
        CompletableFuture<SearchResponse<ListingDocument>> next = null;
        try {
            SearchResponse<ListingDocument> page = page(pit, filter, query.size(), null, true);
            long total = page.hits().total() == null ? 0 : page.hits().total().value();
            while (true) {
                List<Hit<ListingDocument>> hits = page.hits().hits();
                if (hits.size() == query.size()) {
                    String pitNow = page.pitId() == null ? pit : page.pitId();
                    List<FieldValue> after = hits.get(hits.size() - 1).sort();
                    next = CompletableFuture.supplyAsync(() -> pageUnchecked(pitNow, filter, query.size(), after),
                            prefetcher);
                }
                if (!hits.isEmpty()) {
                    consumer.accept(new ListingPage(total, items(hits), null));
                }
                if (next == null) {
                    return;
                }
                page = await(next);
                next = null;
                pit = page.pitId() == null ? pit : page.pitId();
            }
        } finally {
            if (next != null) {
                next.cancel(false); // a consumer failed: the prefetched page is not wanted
            }
            close(pit);
        }
    }

    private SearchResponse<ListingDocument> page(String pit, Query filter, int size, List<FieldValue> after,
                                                 boolean count) throws StoreException {
        SearchRequest request = SearchRequest.of(s -> {
            s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                    .size(size)
                    .query(filter)
                    .sort(so -> so.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                    .trackTotalHits(t -> t.enabled(count))
                    .source(src -> src.filter(f -> f.excludes(NOT_FETCHED)));
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        });
        return es.call("scan listings", () -> es.client.search(request, ListingDocument.class));
    }

    private SearchResponse<ListingDocument> pageUnchecked(String pit, Query filter, int size, List<FieldValue> after) {
        try {
            return page(pit, filter, size, after, false);
        } catch (StoreException e) {
            throw new CompletionException(e);
        }
    }

    private static SearchResponse<ListingDocument> await(CompletableFuture<SearchResponse<ListingDocument>> next)
            throws StoreException {
        try {
            return next.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("scanning listings failed: " + e.getCause(), e.getCause());
        }
    }

    private static List<AssessedListing> items(List<Hit<ListingDocument>> hits) {
        List<AssessedListing> items = new ArrayList<>(hits.size());
        for (Hit<ListingDocument> hit : hits) {
            if (hit.source() != null) {
                items.add(hit.source().toAssessedListing());
            }
        }
        return items;
    }

    /** Frees the snapshot now rather than at its keep-alive; a failure only costs that wait. */
    private void close(String pit) {
        try {
            es.call("close point in time", () -> es.client.closePointInTime(c -> c.id(pit)));
        } catch (StoreException e) {
            LOG.debug("point in time not closed, it expires by itself: {}", e.getMessage());
        }
    }
}
