package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import org.markguard.api.AssessedListing;
import org.markguard.api.FoldedText;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;

/** Turns a {@link ListingQuery} into an Elasticsearch search and the response into a page. */
final class ListingSearch {

    /** Title counts most; all three are folded companions, matched with the folded query text. */
    static final List<String> TEXT_FIELDS = List.of(
            ListingDocument.FIELD_TITLE_FOLDED + "^3",
            ListingDocument.FIELD_DESCRIPTION_FOLDED,
            ListingDocument.FIELD_SELLER_FOLDED);

    private final ListingQuery query;
    private final SearchCursor.Order order;
    private final String foldedText;

    ListingSearch(ListingQuery query) {
        this.query = query;
        String q = query.q() == null ? "" : FoldedText.fold(query.q()).strip();
        this.foldedText = q;
        ListingQuery.Sort sort = query.filters().sort();
        if (sort == ListingQuery.Sort.RISK) {
            this.order = SearchCursor.Order.RISK;
        } else if (sort == ListingQuery.Sort.DATE || q.isEmpty()) {
            this.order = SearchCursor.Order.TIME;
        } else {
            this.order = SearchCursor.Order.SCORE;
        }
    }

    SearchCursor.Order order() {
        return order;
    }

    /**
     * The search request against the alias.
     *
     * @throws IllegalArgumentException when {@code after} is not a valid cursor for this query
     */
    SearchRequest request(String alias) {
        List<FieldValue> after = hasCursor() ? SearchCursor.decode(order, query.after()) : null;
        return SearchRequest.of(s -> {
            s.index(alias)
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .query(buildQuery())
                    .sort(sort())
                    // index-only fields (see ListingScan.NOT_FETCHED): not sent back, not parsed
                    .source(src -> src.filter(f -> f.excludes(ListingScan.NOT_FETCHED)));
            if (after != null) {
                s.searchAfter(after);
            }
            if (query.filters().facets()) {
                s.aggregations(ListingFacets.aggregations());
            }
            return s;
        });
    }

    ListingPage page(SearchAnswer answer) {
        List<AssessedListing> items = new ArrayList<>(answer.documents().size());
        for (ListingDocument document : answer.documents()) {
            items.add(document.toAssessedListing());
        }
        // a full page may have a successor; the caller learns it is the last by an empty page
        String next = answer.hitCount() < query.size() || answer.hitCount() == 0
                ? null
                : SearchCursor.encode(order, answer.lastSort());
        return new ListingPage(answer.total(), items, next,
                query.filters().facets() && answer.aggregations() != null ? ListingFacets.read(answer.aggregations()) : null);
    }

    Query buildQuery() {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        boolean any = false;
        if (query.flagged() != null) {
            bool.filter(term(ListingDocument.FIELD_FLAGGED, FieldValue.of(query.flagged())));
            any = true;
        }
        if (query.kind() != null) {
            bool.filter(term(ListingDocument.FIELD_FINDING_KIND, FieldValue.of(query.kind().name())));
            any = true;
        }
        if (isSet(query.subject())) {
            bool.filter(term(ListingDocument.FIELD_FINDING_SUBJECT, FieldValue.of(query.subject())));
            any = true;
        }
        if (isSet(query.platform())) {
            bool.filter(term(ListingDocument.FIELD_PLATFORM, FieldValue.of(query.platform())));
            any = true;
        }
        any |= ListingFilters.addTo(bool, query.filters());
        if (!foldedText.isEmpty()) {
            // cross_fields + AND: every word must occur, in any of the fields
            bool.must(m -> m.multiMatch(mm -> mm
                    .query(foldedText)
                    .fields(TEXT_FIELDS)
                    .type(TextQueryType.CrossFields)
                    .operator(Operator.And)));
            any = true;
        }
        return any ? bool.build()._toQuery() : Query.of(q -> q.matchAll(m -> m));
    }

    List<SortOptions> sort() {
        SortOptions first = switch (order) {
            case SCORE -> SortOptions.of(so -> so.score(sc -> sc.order(SortOrder.Desc)));
            case RISK -> SortOptions.of(so -> so.field(f -> f.field(ListingDocument.FIELD_RISK).order(SortOrder.Desc)));
            case TIME -> SortOptions.of(so -> so.field(f -> f.field(ListingDocument.FIELD_CAPTURE_TIME).order(SortOrder.Desc)));
        };
        // numeric, not the keyword id: see ListingDocument.idSortOf
        SortOptions byId = SortOptions.of(so -> so.field(f -> f.field(ListingDocument.FIELD_ID_SORT).order(SortOrder.Asc)));
        return List.of(first, byId);
    }

    private boolean hasCursor() {
        return isSet(query.after());
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
