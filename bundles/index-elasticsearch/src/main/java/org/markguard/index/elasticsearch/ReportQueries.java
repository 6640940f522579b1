package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.Reports;
import org.markguard.api.ReviewStatus;

/** The queries and aggregations behind the reports, and the reading of their answers. */
final class ReportQueries {
    static final String UNASSIGNED = "unassigned";
    static final String UNKNOWN = "unknown";
    static final int MAX_KEYS = 100;
    /** Exact below this many distinct values (Elasticsearch's maximum for cardinality). */
    static final int CARDINALITY_PRECISION = 40_000;
    static final Map<String, String> DIMENSION_FIELDS = new LinkedHashMap<>();

    static {
        DIMENSION_FIELDS.put("kind", ListingDocument.FIELD_FINDING_KIND);
        DIMENSION_FIELDS.put("platform", ListingDocument.FIELD_PLATFORM);
        DIMENSION_FIELDS.put("productGroup", ListingDocument.FIELD_PRODUCT_GROUP);
        DIMENSION_FIELDS.put("province", ListingDocument.FIELD_PROVINCE);
    }

    /** Days from..to inclusive, as the instants [start of from, start of the day after to). */
    record Range(Instant start, Instant end) {
        static Range of(LocalDate from, LocalDate to, ZoneId zone) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("a range needs from and to");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to " + to + " is before from " + from);
            }
            return new Range(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    private ReportQueries() {
    }

    static Query within(String field, Range r) {
        return Query.of(q -> q.range(x -> x.untyped(u -> u.field(field)
                .gte(JsonData.of(r.start().toString())).lt(JsonData.of(r.end().toString())))));
    }

    /** Flagged listings first seen in the range. */
    static Query detected(Range r) {
        return Query.of(q -> q.bool(b -> b.filter(ListingFilters.termQuery(ListingDocument.FIELD_FLAGGED, true))
                .filter(within("firstSeen", r))));
    }

    /** Listings whose decision in force is {@code status} and was made in the range. */
    static Query decided(ReviewStatus status, Range r) {
        return Query.of(q -> q.bool(b -> b.filter(ListingFilters.termQuery(ListingDocument.FIELD_REVIEW_STATUS, status.name()))
                .filter(within("review.at", r))));
    }

    /** Matches what any total counts, so one search answers them all. */
    static Query anyCase(Range r) {
        return Query.of(q -> q.bool(b -> b.minimumShouldMatch("1").should(detected(r))
                .should(decided(ReviewStatus.CONFIRMED, r)).should(decided(ReviewStatus.DISMISSED, r))
                .should(decided(ReviewStatus.ESCALATED, r))));
    }

    /** Totals as filter aggregations; the detected one carries the breakdowns and top accounts. */
    static Map<String, Aggregation> totals(Range r, boolean breakdowns, int topAccounts) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        Map<String, Aggregation> inDetected = new LinkedHashMap<>();
        inDetected.put("accounts", Aggregation.of(a -> a.cardinality(c -> c.field(ListingDocument.FIELD_SELLER_ID)
                .precisionThreshold(CARDINALITY_PRECISION))));
        if (breakdowns) {
            DIMENSION_FIELDS.forEach((name, field) -> inDetected.put(name, Aggregation.of(a -> a.terms(t -> t.field(field)
                    .size(MAX_KEYS).missing(name.equals("productGroup") ? UNASSIGNED : UNKNOWN)))));
        }
        if (topAccounts > 0) {
            inDetected.put("top", Aggregation.of(a -> a.terms(t -> t.field(ListingDocument.FIELD_SELLER_ID).size(topAccounts))
                    .aggregations("platform", SellerAggregations.terms(ListingDocument.FIELD_PLATFORM, 1))
                    .aggregations("names", SellerAggregations.terms("seller.name.keyword", 1))
                    .aggregations("confirmed", Aggregation.of(c -> c.filter(ListingFilters.status(ReviewStatus.CONFIRMED))))));
        }
        aggs.put("detected", Aggregation.of(a -> a.filter(detected(r)).aggregations(inDetected)));
        for (ReviewStatus s : List.of(ReviewStatus.CONFIRMED, ReviewStatus.DISMISSED, ReviewStatus.ESCALATED)) {
            aggs.put(s.name(), Aggregation.of(a -> a.filter(decided(s, r))));
        }
        return aggs;
    }

    static Reports.Totals readTotals(Map<String, Aggregate> aggs) {
        Aggregate detected = aggs.get("detected");
        long accounts = detected.filter().aggregations().get("accounts").cardinality().value();
        return new Reports.Totals(detected.filter().docCount(), aggs.get("CONFIRMED").filter().docCount(),
                aggs.get("DISMISSED").filter().docCount(), aggs.get("ESCALATED").filter().docCount(), accounts);
    }

    static Map<String, List<Reports.Count>> readBreakdowns(Map<String, Aggregate> aggs) {
        Map<String, Aggregate> inDetected = aggs.get("detected").filter().aggregations();
        Map<String, List<Reports.Count>> out = new LinkedHashMap<>();
        for (String name : DIMENSION_FIELDS.keySet()) {
            List<Reports.Count> counts = new ArrayList<>();
            Aggregate a = inDetected.get(name);
            if (a != null && a.isSterms()) {
                a.sterms().buckets().array().forEach(b -> counts.add(new Reports.Count(b.key().stringValue(), b.docCount())));
            }
            out.put(name, counts);
        }
        return out;
    }

    static List<Reports.Account> readTopAccounts(Map<String, Aggregate> aggs) {
        Aggregate top = aggs.get("detected").filter().aggregations().get("top");
        List<Reports.Account> out = new ArrayList<>();
        if (top == null || !top.isSterms()) {
            return out;
        }
        for (StringTermsBucket b : top.sterms().buckets().array()) {
            List<String> platforms = SellerAggregations.keys(b.aggregations(), "platform");
            List<String> names = SellerAggregations.keys(b.aggregations(), "names");
            String platform = platforms.isEmpty() ? "" : platforms.get(0);
            String id = b.key().stringValue();
            out.add(new Reports.Account(platform + ":" + id, platform, id, names.isEmpty() ? null : names.get(0),
                    b.docCount(), SellerAggregations.count(b.aggregations(), "confirmed")));
        }
        return out;
    }
}
