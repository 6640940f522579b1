package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.SellerDirectory.SellerLink;
import org.markguard.api.StoreException;

/**
 * Finds the accounts tied to one seller by the traces its listings carry (phones, bank accounts,
 * copied descriptions, the same product photo by its perceptual hash). A value shared by more than {@link #HUB_ACCOUNTS} accounts (a courier's
 * hotline, a marketplace's template text) ties nothing and is left out.
 */
final class SellerLinks {
    static final int HUB_ACCOUNTS = 20;
    static final int MAX_VALUES = 50;
    static final int MAX_LINKS = 200;
    static final String FIELD_IMAGE_HASH = "details.images.perceptualHash";
    /** The difference hash of a flat image (no gradient anywhere): a blank, not a photo anyone owns. */
    static final String FLAT_IMAGE_HASH = "0000000000000000";
    /** Trace kind → its field. */
    static final Map<String, String> TRACES = new LinkedHashMap<>();

    static {
        TRACES.put("phone", ListingDocument.FIELD_PHONES);
        TRACES.put("bank", ListingDocument.FIELD_BANKS);
        TRACES.put("description", ListingDocument.FIELD_DESCRIPTION_HASH);
        TRACES.put("image", FIELD_IMAGE_HASH);
    }


    private final WorkbenchClient es;

    SellerLinks(WorkbenchClient es) {
        this.es = es;
    }

    /** The aggregations that collect a seller's own traces (added to its profile search). */
    static void addTraceAggregations(Map<String, Aggregation> aggs) {
        TRACES.forEach((kind, field) -> aggs.put("trace-" + kind, SellerAggregations.terms(field, MAX_VALUES)));
    }

    List<SellerLink> links(String platform, String sellerId, Map<String, Aggregate> profileAggs) throws StoreException {
        Map<String, List<String>> own = new LinkedHashMap<>();
        TRACES.keySet().forEach(kind -> own.put(kind, SellerAggregations.keys(profileAggs, "trace-" + kind)));
        own.put("image", own.get("image").stream().filter(h -> !FLAT_IMAGE_HASH.equals(h)).toList());
        if (own.values().stream().allMatch(List::isEmpty)) {
            return List.of();
        }
        Map<String, List<String>> useful = withoutHubs(own);
        if (useful.values().stream().allMatch(List::isEmpty)) {
            return List.of();
        }
        Query notThisSeller = Query.of(q -> q.bool(b -> b.filter(ListingFilters.termQuery(ListingDocument.FIELD_PLATFORM, platform))
                .filter(ListingFilters.termQuery(ListingDocument.FIELD_SELLER_ID, sellerId))));
        Map<String, Aggregation> perAccount = new LinkedHashMap<>();
        perAccount.put("names", SellerAggregations.terms("seller.name.keyword", 1));
        useful.forEach((kind, values) -> perAccount.put(kind, Aggregation.of(a -> a.terms(t -> t.field(TRACES.get(kind))
                .size(MAX_VALUES).include(i -> i.terms(values))))));
        SearchResponse<Void> response = es.call("linked accounts", () -> es.client.search(s -> s.index(es.listings.alias()).size(0)
                .query(q -> q.bool(b -> b.minimumShouldMatch("1").mustNot(notThisSeller).should(anyOf(useful))))
                .aggregations("sellers", Aggregation.of(a -> a.terms(t -> t.field(ListingDocument.FIELD_SELLER_ID).size(MAX_LINKS))
                        .aggregations("platforms", Aggregation.of(p -> p.terms(t -> t.field(ListingDocument.FIELD_PLATFORM).size(5))
                                .aggregations(perAccount))))), Void.class));
        List<SellerLink> out = new ArrayList<>();
        for (StringTermsBucket s : response.aggregations().get("sellers").sterms().buckets().array()) {
            for (StringTermsBucket p : s.aggregations().get("platforms").sterms().buckets().array()) {
                if (p.key().stringValue().equals(platform) && s.key().stringValue().equals(sellerId)) {
                    continue;
                }
                List<String> via = new ArrayList<>();
                for (String kind : useful.keySet()) {
                    for (String v : SellerAggregations.keys(p.aggregations(), kind)) {
                        via.add(kind.equals("description") ? "description" : kind + ":" + v);
                    }
                }
                if (!via.isEmpty()) {
                    List<String> names = SellerAggregations.keys(p.aggregations(), "names");
                    out.add(new SellerLink(p.key().stringValue() + ":" + s.key().stringValue(), p.key().stringValue(),
                            s.key().stringValue(), names.isEmpty() ? null : names.get(0), List.copyOf(new java.util.LinkedHashSet<>(via))));
                }
            }
        }
        return out;
    }

    /** Drops the values that more than {@link #HUB_ACCOUNTS} accounts share. */
    private Map<String, List<String>> withoutHubs(Map<String, List<String>> own) throws StoreException {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        own.forEach((kind, values) -> {
            if (!values.isEmpty()) {
                aggs.put(kind, Aggregation.of(a -> a.terms(t -> t.field(TRACES.get(kind)).size(MAX_VALUES)
                                .include(i -> i.terms(values)))
                        .aggregations("accounts", Aggregation.of(c -> c.cardinality(x -> x.field(ListingDocument.FIELD_SELLER_ID))))));
            }
        });
        SearchResponse<Void> response = es.call("trace frequency", () -> es.client.search(s -> s.index(es.listings.alias()).size(0)
                .query(q -> q.bool(b -> b.minimumShouldMatch("1").should(anyOf(own)))).aggregations(aggs), Void.class));
        Map<String, List<String>> useful = new LinkedHashMap<>();
        own.forEach((kind, values) -> {
            List<String> keep = new ArrayList<>();
            Aggregate a = response.aggregations().get(kind);
            if (a != null && a.isSterms()) {
                for (StringTermsBucket b : a.sterms().buckets().array()) {
                    if (b.aggregations().get("accounts").cardinality().value() <= HUB_ACCOUNTS) {
                        keep.add(b.key().stringValue());
                    }
                }
            }
            useful.put(kind, keep);
        });
        return useful;
    }

    private static List<Query> anyOf(Map<String, List<String>> values) {
        List<Query> should = new ArrayList<>();
        values.forEach((kind, list) -> {
            if (!list.isEmpty()) {
                List<FieldValue> fv = list.stream().map(FieldValue::of).toList();
                should.add(Query.of(q -> q.terms(t -> t.field(TRACES.get(kind)).terms(v -> v.value(fv)))));
            }
        });
        return should;
    }
}
