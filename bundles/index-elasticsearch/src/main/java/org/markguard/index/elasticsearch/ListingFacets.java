package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.markguard.api.ListingPage.FacetCount;
import org.markguard.api.ListingQuery.RiskBand;
import org.markguard.api.ReviewStatus;

/**
 * The facet counts of the workbench search, as aggregations of the same search (counts over every
 * match, not just the page).
 */
final class ListingFacets {
    static final int MAX_VALUES = 50;

    /** Facet name → the keyword field counted. */
    private static final Map<String, String> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("platform", ListingDocument.FIELD_PLATFORM);
        TERMS.put("kind", ListingDocument.FIELD_FINDING_KIND);
        TERMS.put("subject", ListingDocument.FIELD_FINDING_SUBJECT);
        TERMS.put("detector", ListingDocument.FIELD_DETECTOR);
        TERMS.put("province", ListingDocument.FIELD_PROVINCE);
        TERMS.put("productGroup", ListingDocument.FIELD_PRODUCT_GROUP);
    }

    private ListingFacets() {
    }

    static Map<String, Aggregation> aggregations() {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        TERMS.forEach((name, field) -> aggs.put(name, Aggregation.of(a -> a.terms(t -> t.field(field).size(MAX_VALUES)))));
        // seller facet values are seller keys (platform:id), counted directly: a per-id platform
        // sub-aggregation cost ~35 ms of a facet search over 400,000 matches
        aggs.put("seller", Aggregation.of(a -> a.terms(t -> t.field(ListingDocument.FIELD_SELLER_KEY).size(MAX_VALUES))));
        // unreviewed flagged listings have no stored status: counted as OPEN
        aggs.put("status", Aggregation.of(a -> a.filter(ListingFilters.termQuery(ListingDocument.FIELD_FLAGGED, true))
                .aggregations("s", Aggregation.of(s -> s.terms(t -> t.field(ListingDocument.FIELD_REVIEW_STATUS)
                        .missing(ReviewStatus.OPEN.name()).size(10))))));
        aggs.put("risk", Aggregation.of(a -> a.range(r -> {
            r.field(ListingDocument.FIELD_RISK);
            for (RiskBand band : RiskBand.values()) {
                r.ranges(x -> x.key(band.name()).from(band.from).to(band.below));
            }
            return r;
        })));
        aggs.put("date", Aggregation.of(a -> a.dateHistogram(d -> d.field(ListingDocument.FIELD_CAPTURE_TIME)
                .calendarInterval(CalendarInterval.Day).minDocCount(1))));
        return aggs;
    }

    /**
     * The facets from the answer's aggregations, which carry their type in their names
     * ({@code typed_keys}: {@code sterms#platform}). A facet Elasticsearch did not answer is empty.
     */
    static Map<String, List<FacetCount>> read(JsonNode aggs) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String name : TERMS.keySet()) {
            facets.put(name, terms(aggs.get("sterms#" + name)));
        }
        facets.put("seller", terms(aggs.get("sterms#seller")));
        facets.put("status", terms(aggs.path("filter#status").get("sterms#s")));
        List<FacetCount> risk = new ArrayList<>();
        for (JsonNode b : aggs.path("range#risk").path("buckets")) {
            long count = b.path("doc_count").asLong();
            if (count > 0) {
                risk.add(new FacetCount(b.path("key").asText(), count));
            }
        }
        facets.put("risk", risk);
        List<FacetCount> days = new ArrayList<>();
        JsonNode buckets = aggs.path("date_histogram#date").path("buckets");
        for (int i = buckets.size() - 1; i >= 0 && days.size() < MAX_VALUES; i--) {
            JsonNode b = buckets.get(i);
            String day = Instant.ofEpochMilli(b.path("key").asLong()).atZone(ZoneOffset.UTC).toLocalDate().toString();
            days.add(new FacetCount(day, b.path("doc_count").asLong()));
        }
        facets.put("date", days);
        return facets;
    }

    /** String terms buckets; another terms type (a field mapped as a number) counts as none. */
    private static List<FacetCount> terms(JsonNode agg) {
        List<FacetCount> out = new ArrayList<>();
        if (agg != null) {
            for (JsonNode b : agg.path("buckets")) {
                out.add(new FacetCount(b.path("key").asText(), b.path("doc_count").asLong()));
            }
        }
        return out;
    }
}
