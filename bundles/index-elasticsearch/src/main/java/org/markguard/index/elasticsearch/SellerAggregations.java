package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.ReviewStatus;
import org.markguard.api.SellerDirectory.SuspiciousSeller;

/** The aggregations behind seller profiles and the suspicious-account list, and their reading. */
final class SellerAggregations {
    private static final int MAX_VALUES = 20;
    private static final int LINKS = 5;

    private SellerAggregations() {
    }

    static Map<String, Aggregation> profile() {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put("names", terms("seller.name.keyword", MAX_VALUES));
        aggs.put("locations", terms("seller.location", MAX_VALUES));
        aggs.put("provinces", terms(ListingDocument.FIELD_PROVINCE, MAX_VALUES));
        aggs.put("productGroups", terms(ListingDocument.FIELD_PRODUCT_GROUP, MAX_VALUES));
        aggs.put("flagged", Aggregation.of(a -> a.filter(ListingFilters.termQuery(ListingDocument.FIELD_FLAGGED, true))));
        aggs.put("open", Aggregation.of(a -> a.filter(ListingFilters.status(ReviewStatus.OPEN))));
        aggs.put("confirmed", Aggregation.of(a -> a.filter(ListingFilters.status(ReviewStatus.CONFIRMED))));
        aggs.put("dismissed", Aggregation.of(a -> a.filter(ListingFilters.status(ReviewStatus.DISMISSED))));
        aggs.put("firstSeen", Aggregation.of(a -> a.min(m -> m.field("firstSeen"))));
        aggs.put("lastSeen", Aggregation.of(a -> a.max(m -> m.field(ListingDocument.FIELD_CAPTURE_TIME))));
        aggs.put("sold", Aggregation.of(a -> a.sum(m -> m.field("details.soldCount"))));
        aggs.put("lastFlagged", Aggregation.of(a -> a.filter(ListingFilters.termQuery(ListingDocument.FIELD_FLAGGED, true))
                .aggregations("t", Aggregation.of(m -> m.max(x -> x.field(ListingDocument.FIELD_CAPTURE_TIME))))));
        SellerLinks.addTraceAggregations(aggs);
        return aggs;
    }

    /** Per seller id, per platform: confirmed count, name, times, locations and a few links. */
    static Aggregation suspiciousSellers(int max) {
        Map<String, Aggregation> perAccount = new LinkedHashMap<>();
        perAccount.put("confirmed", Aggregation.of(a -> a.filter(ListingFilters.status(ReviewStatus.CONFIRMED))));
        perAccount.put("names", terms("seller.name.keyword", 1));
        perAccount.put("locations", terms("seller.location", 5));
        perAccount.put("firstSeen", Aggregation.of(a -> a.min(m -> m.field("firstSeen"))));
        perAccount.put("lastSeen", Aggregation.of(a -> a.max(m -> m.field(ListingDocument.FIELD_CAPTURE_TIME))));
        perAccount.put("links", Aggregation.of(a -> a.topHits(t -> t.size(LINKS)
                .source(src -> src.filter(f -> f.includes("url")))
                .sort(so -> so.field(f -> f.field(ListingDocument.FIELD_RISK).order(SortOrder.Desc))))));
        // ranked by confirmed listings, then by all suspicious listings
        return Aggregation.of(s -> s.terms(t -> t.field(ListingDocument.FIELD_SELLER_ID).size(max)
                        .order(List.of(co.elastic.clients.util.NamedValue.of("confirmed", SortOrder.Desc), co.elastic.clients.util.NamedValue.of("_count", SortOrder.Desc))))
                .aggregations("confirmed", Aggregation.of(a -> a.filter(ListingFilters.status(ReviewStatus.CONFIRMED))))
                .aggregations("platforms", Aggregation.of(p -> p.terms(t -> t.field(ListingDocument.FIELD_PLATFORM).size(10))
                        .aggregations(perAccount))));
    }

    static List<SuspiciousSeller> readSuspicious(Aggregate sellers, int max) {
        List<SuspiciousSeller> out = new ArrayList<>();
        if (sellers == null || !sellers.isSterms()) {
            return out;
        }
        for (StringTermsBucket seller : sellers.sterms().buckets().array()) {
            Aggregate platforms = seller.aggregations().get("platforms");
            for (StringTermsBucket p : platforms.sterms().buckets().array()) {
                Map<String, Aggregate> a = p.aggregations();
                long confirmed = count(a, "confirmed");
                List<String> names = keys(a, "names");
                List<String> links = new ArrayList<>();
                for (Hit<JsonData> hit : a.get("links").topHits().hits().hits()) {
                    if (hit.source() != null && hit.source().toJson().asJsonObject().containsKey("url")) {
                        links.add(hit.source().toJson().asJsonObject().getString("url"));
                    }
                }
                out.add(new SuspiciousSeller(p.key().stringValue() + ":" + seller.key().stringValue(), p.key().stringValue(),
                        seller.key().stringValue(), names.isEmpty() ? null : names.get(0), confirmed,
                        p.docCount() - confirmed, p.docCount(), time(a, "firstSeen"), time(a, "lastSeen"),
                        keys(a, "locations"), links));
            }
        }
        out.sort(Comparator.comparingLong(SuspiciousSeller::confirmed).reversed()
                .thenComparing(Comparator.comparingLong(SuspiciousSeller::open).reversed())
                .thenComparing(SuspiciousSeller::key));
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    static Aggregation terms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
    }

    static List<String> keys(Map<String, Aggregate> aggs, String name) {
        List<String> out = new ArrayList<>();
        Aggregate a = aggs.get(name);
        if (a != null && a.isSterms()) {
            a.sterms().buckets().array().forEach(b -> out.add(b.key().stringValue()));
        }
        return out;
    }

    static long count(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        return a == null ? 0 : a.filter().docCount();
    }

    static Instant time(Map<String, Aggregate> aggs, String name) {
        Aggregate a = aggs.get(name);
        if (a == null) {
            return null;
        }
        if (a.isFilter()) {
            return time(a.filter().aggregations(), "t");
        }
        Double value = a.isMin() ? a.min().value() : a.isMax() ? a.max().value() : null;
        return value == null || value.isInfinite() || value.isNaN() ? null : Instant.ofEpochMilli(value.longValue());
    }
}
