package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.ZoneOffset;
import org.markguard.api.ListingQuery;
import org.markguard.api.ReviewStatus;

/** The workbench filters of a {@link ListingQuery} as filter clauses of a bool query. */
final class ListingFilters {

    private ListingFilters() {
    }

    /** Adds the clauses; returns whether any was added. */
    static boolean addTo(BoolQuery.Builder bool, ListingQuery.Filters f) {
        boolean any = false;
        if (f.status() != null) {
            bool.filter(status(f.status()));
            any = true;
        }
        any |= term(bool, ListingDocument.FIELD_DETECTOR, f.detector());
        any |= term(bool, ListingDocument.FIELD_PROVINCE, f.province());
        any |= term(bool, ListingDocument.FIELD_PRODUCT_GROUP, f.productGroup());
        any |= term(bool, ListingDocument.FIELD_ASSIGNEE, f.assignee());
        if (f.sellerKey() != null) {
            int colon = f.sellerKey().indexOf(':');
            term(bool, ListingDocument.FIELD_PLATFORM, f.sellerKey().substring(0, colon));
            term(bool, ListingDocument.FIELD_SELLER_ID, f.sellerKey().substring(colon + 1));
            any = true;
        }
        if (f.risk() != null) {
            ListingQuery.RiskBand band = f.risk();
            bool.filter(q -> q.range(r -> r.untyped(u -> u.field(ListingDocument.FIELD_RISK)
                    .gte(JsonData.of(band.from)).lt(JsonData.of(band.below)))));
            any = true;
        }
        if (f.from() != null || f.to() != null) {
            bool.filter(q -> q.range(r -> r.untyped(u -> {
                u.field(ListingDocument.FIELD_CAPTURE_TIME);
                if (f.from() != null) {
                    u.gte(JsonData.of(f.from().atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
                }
                if (f.to() != null) {
                    u.lt(JsonData.of(f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
                }
                return u;
            })));
            any = true;
        }
        return any;
    }

    /**
     * OPEN means flagged and not decided: no review yet, or only assignments and notes (their
     * state keeps status OPEN). The other statuses are stored as they are.
     */
    static Query status(ReviewStatus status) {
        Query stored = termQuery(ListingDocument.FIELD_REVIEW_STATUS, status.name());
        if (status != ReviewStatus.OPEN) {
            return stored;
        }
        Query neverReviewed = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(ListingDocument.FIELD_REVIEW_STATUS)))));
        return Query.of(q -> q.bool(b -> b
                .filter(termQuery(ListingDocument.FIELD_FLAGGED, true))
                .filter(o -> o.bool(or -> or.should(stored).should(neverReviewed).minimumShouldMatch("1")))));
    }

    private static boolean term(BoolQuery.Builder bool, String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        bool.filter(termQuery(field, value));
        return true;
    }

    static Query termQuery(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    static Query termQuery(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
