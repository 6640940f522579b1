package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.markguard.api.AssessedListing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.ListingUrls;
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

    /** URLs per page of a URL scan: a few hundred KB of JSON, no more. */
    static final int URL_PAGE = 5000;

    private final StoreCalls es;
    private final Executor prefetcher;

    ListingScan(StoreCalls es, Executor prefetcher) {
        this.es = es;
        this.prefetcher = prefetcher;
    }

    void run(ListingQuery query, ListingStore.PageConsumer consumer) throws StoreException {
        SourceConfig listingFields = SourceConfig.of(src -> src.filter(f -> f.excludes(NOT_FETCHED)));
        run(new ListingSearch(query).buildQuery(), query.size(), listingFields, ListingDocument.class,
                (total, hits) -> consumer.accept(new ListingPage(total, items(hits), null)));
    }

    /**
     * The URLs of the listings of a platform on some hosts ({@link ListingStore#scanUrls}): prefix
     * queries on the URL narrow the scan in Elasticsearch, only the URL comes back, and each URL's
     * host is checked again exactly, as the interface's default does (the prefixes end at '/', ':',
     * '?' or '#', so they should not match another host; the check makes sure).
     */
    void urls(String platform, Set<String> hosts, ListingStore.UrlConsumer consumer) throws StoreException {
        Set<String> wanted = ListingUrls.lowerCase(hosts);
        if (wanted.isEmpty()) {
            return;
        }
        List<Query> onHost = new ArrayList<>();
        for (String host : wanted) {
            for (String scheme : List.of("http://", "https://")) {
                for (String end : List.of("/", ":", "?", "#")) {
                    onHost.add(Query.of(q -> q.prefix(p -> p.field("url").value(scheme + host + end)
                            .caseInsensitive(true))));
                }
                onHost.add(Query.of(q -> q.term(t -> t.field("url").value(scheme + host).caseInsensitive(true))));
            }
        }
        Query filter = Query.of(q -> q.bool(b -> {
            if (platform != null) {
                b.filter(f -> f.term(t -> t.field("platform").value(platform)));
            }
            return b.filter(f -> f.bool(any -> any.should(onHost).minimumShouldMatch("1")));
        }));
        SourceConfig urlOnly = SourceConfig.of(src -> src.filter(f -> f.includes("url")));
        run(filter, URL_PAGE, urlOnly, UrlOnly.class, (total, hits) -> {
            List<String> urls = new ArrayList<>(hits.size());
            for (Hit<UrlOnly> hit : hits) {
                String url = hit.source() == null ? null : hit.source().url;
                if (url != null && wanted.contains(ListingUrls.hostOf(url))) {
                    urls.add(url);
                }
            }
            if (!urls.isEmpty()) {
                consumer.accept(urls);
            }
        });
    }

    /** What a URL scan reads of a document. */
    public static final class UrlOnly {
        public String url;
    }

    /** Receives the hits of one page and the count of matches taken on the first. */
    @FunctionalInterface
    private interface HitsConsumer<D> {
        void accept(long total, List<Hit<D>> hits) throws StoreException;
    }

    private <D> void run(Query filter, int size, SourceConfig fields, Class<D> type, HitsConsumer<D> consumer)
            throws StoreException {
        String pit = es.call("open point in time", () -> es.client.openPointInTime(o -> o
                .index(es.layout.alias()).keepAlive(k -> k.time(KEEP_ALIVE)))).id();
        CompletableFuture<SearchResponse<D>> next = null;
        try {
            SearchResponse<D> page = page(pit, filter, size, fields, type, null, true);
            long total = page.hits().total() == null ? 0 : page.hits().total().value();
            while (true) {
                List<Hit<D>> hits = page.hits().hits();
                if (hits.size() == size) {
                    String pitNow = page.pitId() == null ? pit : page.pitId();
                    List<FieldValue> after = hits.get(hits.size() - 1).sort();
                    next = CompletableFuture.supplyAsync(() -> pageUnchecked(pitNow, filter, size, fields, type, after),
                            prefetcher);
                }
                if (!hits.isEmpty()) {
                    consumer.accept(total, hits);
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

    private <D> SearchResponse<D> page(String pit, Query filter, int size, SourceConfig fields, Class<D> type,
                                       List<FieldValue> after, boolean count) throws StoreException {
        SearchRequest request = SearchRequest.of(s -> {
            s.pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                    .size(size)
                    .query(filter)
                    .sort(so -> so.field(f -> f.field("_shard_doc").order(SortOrder.Asc)))
                    .trackTotalHits(t -> t.enabled(count))
                    .source(fields);
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        });
        return es.call("scan listings", () -> es.client.search(request, type));
    }

    private <D> SearchResponse<D> pageUnchecked(String pit, Query filter, int size, SourceConfig fields, Class<D> type,
                                                List<FieldValue> after) {
        try {
            return page(pit, filter, size, fields, type, after, false);
        } catch (StoreException e) {
            throw new CompletionException(e);
        }
    }

    private static <D> SearchResponse<D> await(CompletableFuture<SearchResponse<D>> next) throws StoreException {
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
