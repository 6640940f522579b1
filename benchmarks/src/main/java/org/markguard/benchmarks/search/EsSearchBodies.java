package org.markguard.benchmarks.search;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code _search} bodies the REST layer's store sends, written out by hand from
 * {@code ListingSearch}, {@code ListingFilters} and {@code ListingFacets} of the index bundle
 * (internal there): same clauses, same order, same aggregations, so that the direct requests cost
 * Elasticsearch exactly what the REST ones do. The harness checks that both answer alike.
 */
final class EsSearchBodies {
    static final String BY_SCORE = "[{\"_score\":{\"order\":\"desc\"}},{\"id_sort\":{\"order\":\"asc\"}}]";
    static final String BY_TIME = "[{\"captureTime\":{\"order\":\"desc\"}},{\"id_sort\":{\"order\":\"asc\"}}]";
    static final String BY_RISK = "[{\"risk\":{\"order\":\"desc\"}},{\"id_sort\":{\"order\":\"asc\"}}]";

    /** ListingFacets.aggregations(): six keyword terms, seller keys, status, risk bands, days. */
    static final String FACETS = """
            {"platform":{"terms":{"field":"platform","size":50}},
             "kind":{"terms":{"field":"findings.kind","size":50}},
             "subject":{"terms":{"field":"findings.subject","size":50}},
             "detector":{"terms":{"field":"findings.detectorId","size":50}},
             "province":{"terms":{"field":"seller.province","size":50}},
             "productGroup":{"terms":{"field":"details.productGroup","size":50}},
             "seller":{"terms":{"field":"sellerKey","size":50}},
             "status":{"filter":{"term":{"flagged":{"value":true}}},
                       "aggregations":{"s":{"terms":{"field":"review.status","missing":"OPEN","size":10}}}},
             "risk":{"range":{"field":"risk","ranges":[
                       {"key":"HIGH","from":0.7,"to":1.01},{"key":"MEDIUM","from":0.4,"to":0.7},
                       {"key":"LOW","from":1.0E-9,"to":0.4},{"key":"NONE","from":0.0,"to":1.0E-9}]}},
             "date":{"date_histogram":{"field":"captureTime","calendar_interval":"day","min_doc_count":1}}}""";

    private EsSearchBodies() {
    }

    /**
     * A whole request body.
     *
     * @param filters the bool query's filter clauses, in ListingSearch's order
     * @param must the text clause, null without {@code q}
     * @param searchAfter the sort values of the previous page's last hit (a JSON array), null on page 1
     */
    static String search(int size, List<String> filters, String must, String sort, boolean facets, String searchAfter) {
        StringBuilder body = new StringBuilder("{\"size\":").append(size).append(",\"track_total_hits\":true,\"query\":")
                .append(query(filters, must)).append(",\"sort\":").append(sort)
                .append(",\"_source\":{\"excludes\":[\"title_folded\",\"description_folded\",\"seller_folded\",\"contacts\",\"descriptionHash\"]}");
        if (searchAfter != null) {
            body.append(",\"search_after\":").append(searchAfter);
        }
        if (facets) {
            body.append(",\"aggregations\":").append(FACETS);
        }
        return body.append('}').toString();
    }

    /** match_all when nothing filters, else one bool query (ListingSearch.buildQuery). */
    private static String query(List<String> filters, String must) {
        if (filters.isEmpty() && must == null) {
            return "{\"match_all\":{}}";
        }
        StringBuilder bool = new StringBuilder("{\"bool\":{");
        if (!filters.isEmpty()) {
            bool.append("\"filter\":[").append(String.join(",", filters)).append(']');
        }
        if (must != null) {
            bool.append(filters.isEmpty() ? "" : ",").append("\"must\":[").append(must).append(']');
        }
        return bool.append("}}").toString();
    }

    static String term(String field, String value) {
        return "{\"term\":{\"" + field + "\":{\"value\":" + quote(value) + "}}}";
    }

    static String term(String field, boolean value) {
        return "{\"term\":{\"" + field + "\":{\"value\":" + value + "}}}";
    }

    /** {@code q}, already folded: cross_fields with AND over the three folded fields, title boosted. */
    static String text(String folded) {
        return "{\"multi_match\":{\"query\":" + quote(folded)
                + ",\"fields\":[\"title_folded^3\",\"description_folded\",\"seller_folded\"],"
                + "\"type\":\"cross_fields\",\"operator\":\"and\"}}";
    }

    /** status=OPEN: flagged, and either stored OPEN (assigned, noted) or never reviewed. */
    static String statusOpen() {
        return "{\"bool\":{\"filter\":[" + term("flagged", true) + ",{\"bool\":{\"should\":["
                + term("review.status", "OPEN") + ",{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"review.status\"}}]}}],"
                + "\"minimum_should_match\":\"1\"}}]}}";
    }

    /** A risk band: from inclusive, below exclusive. */
    static String risk(double from, double below) {
        return "{\"range\":{\"risk\":{\"gte\":" + from + ",\"lt\":" + below + "}}}";
    }

    /** from/to: whole UTC days, to inclusive. */
    static String captureDays(LocalDate from, LocalDate to) {
        return "{\"range\":{\"captureTime\":{\"gte\":\"" + from + "T00:00:00Z\",\"lt\":\"" + to.plusDays(1) + "T00:00:00Z\"}}}";
    }

    private static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }
}
