package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.markguard.api.AssessedListing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingPage.FacetCount;
import org.markguard.api.ListingQuery;

/** The streaming read of a {@code _search} answer, on answers in the shape Elasticsearch 9 writes. */
class SearchAnswerTest {
    private final ObjectMapper json = DocumentMapper.create();
    private final SearchAnswer.Reader reader = new SearchAnswer.Reader(json);

    private String hit(AssessedListing a, String sort) throws Exception {
        return "{\"_index\":\"markguard-listings-v2\",\"_id\":\"" + a.listing().id() + "\",\"_score\":null,\"_source\":"
                + json.writeValueAsString(ListingDocument.of(a)) + ",\"sort\":" + sort + "}";
    }

    private SearchAnswer read(String answer) throws IOException {
        return reader.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void hitsAreReadIntoDocumentsWithTheLastSortValues() throws Exception {
        AssessedListing first = TestListings.listing(3);
        AssessedListing second = TestListings.listing(4);
        SearchAnswer answer = read("{\"took\":7,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,"
                + "\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":5709,\"relation\":\"eq\"},"
                + "\"max_score\":null,\"hits\":[" + hit(first, "[12.5,17]") + "," + hit(second, "[11.25,18]") + "]},"
                + "\"unknown_later_field\":{\"a\":[1,{\"b\":2}]}}");
        assertEquals(5709, answer.total());
        assertEquals(2, answer.hitCount());
        assertEquals(List.of(first, second), answer.documents().stream().map(ListingDocument::toAssessedListing).toList());
        assertTrue(answer.lastSort().get(0).isDouble());
        assertEquals(11.25, answer.lastSort().get(0).doubleValue());
        assertTrue(answer.lastSort().get(1).isLong());
        assertEquals(18L, answer.lastSort().get(1).longValue());
        assertNull(answer.aggregations());
    }

    @Test
    void aFullPageGetsACursorThatDecodesToItsLastHit() throws Exception {
        ListingQuery query = new ListingQuery(null, null, null, null, null, 1, null);
        ListingSearch search = new ListingSearch(query);
        SearchAnswer answer = read("{\"hits\":{\"total\":{\"value\":2,\"relation\":\"eq\"},\"hits\":["
                + hit(TestListings.listing(1), "[1740816000000,42]") + "]}}");
        ListingPage page = search.page(answer);
        assertEquals(2, page.total());
        assertEquals(1, page.items().size());
        var decoded = SearchCursor.decode(SearchCursor.Order.TIME, page.next());
        assertEquals(1740816000000L, decoded.get(0).longValue());
        assertEquals(42L, decoded.get(1).longValue());
    }

    @Test
    void anEmptyPageHasNoCursorAndTheTotalFromElasticsearch() throws Exception {
        SearchAnswer answer = read("{\"hits\":{\"total\":{\"value\":0,\"relation\":\"eq\"},\"max_score\":null,\"hits\":[]}}");
        ListingPage page = new ListingSearch(new ListingQuery("x", null, null, null, null, 20, null)).page(answer);
        assertEquals(0, page.total());
        assertNull(page.next());
        assertEquals(List.of(), page.items());
    }

    @Test
    void facetsAreReadFromTypedAggregations() throws Exception {
        String aggs = "{\"sterms#platform\":{\"doc_count_error_upper_bound\":0,\"sum_other_doc_count\":0,\"buckets\":["
                + "{\"key\":\"shopee\",\"doc_count\":30},{\"key\":\"lazada\",\"doc_count\":20}]},"
                + "\"sterms#kind\":{\"buckets\":[]},"
                + "\"lterms#subject\":{\"buckets\":[{\"key\":1,\"doc_count\":3}]},"
                + "\"sterms#seller\":{\"buckets\":[{\"key\":\"shopee:s1\",\"doc_count\":4}]},"
                + "\"filter#status\":{\"doc_count\":12,\"sterms#s\":{\"buckets\":[{\"key\":\"OPEN\",\"doc_count\":9},"
                + "{\"key\":\"CONFIRMED\",\"doc_count\":3}]}},"
                + "\"range#risk\":{\"buckets\":[{\"key\":\"LOW\",\"to\":0.4,\"doc_count\":0},"
                + "{\"key\":\"HIGH\",\"from\":0.7,\"doc_count\":5}]},"
                + "\"date_histogram#date\":{\"buckets\":[{\"key_as_string\":\"2025-03-01T00:00:00.000Z\",\"key\":1740787200000,"
                + "\"doc_count\":2},{\"key_as_string\":\"2025-03-02T00:00:00.000Z\",\"key\":1740873600000,\"doc_count\":1}]}}";
        SearchAnswer answer = read("{\"hits\":{\"total\":{\"value\":50,\"relation\":\"eq\"},\"hits\":[]},\"aggregations\":"
                + aggs + "}");
        ListingQuery.Filters filters = new ListingQuery.Filters(null, null, null, null, null, null, null, null, null, null, true);
        ListingPage page = new ListingSearch(new ListingQuery(null, null, null, null, null, 20, null, filters)).page(answer);
        Map<String, List<FacetCount>> f = page.facets();
        assertEquals(List.of(new FacetCount("shopee", 30), new FacetCount("lazada", 20)), f.get("platform"));
        assertEquals(List.of(), f.get("kind"));
        assertEquals(List.of(), f.get("subject"), "only string terms are facet values");
        assertEquals(List.of(), f.get("detector"), "an aggregation not in the answer is an empty facet");
        assertEquals(List.of(new FacetCount("shopee:s1", 4)), f.get("seller"));
        assertEquals(List.of(new FacetCount("OPEN", 9), new FacetCount("CONFIRMED", 3)), f.get("status"));
        assertEquals(List.of(new FacetCount("HIGH", 5)), f.get("risk"), "empty risk bands are left out");
        assertEquals(List.of(new FacetCount("2025-03-02", 1), new FacetCount("2025-03-01", 2)), f.get("date"), "newest day first");
    }

    @Test
    void somethingElseIsAnIoErrorNotAnEmptyPage() {
        assertThrows(IOException.class, () -> read("[1,2]"));
        assertThrows(IOException.class, () -> read("{\"hits\":[]}"));
        assertThrows(IOException.class, () -> read("<html>bad gateway</html>"));
        assertThrows(IOException.class, () -> read("{\"error\":{\"type\":\"index_not_found_exception\"},\"status\":404}"));
    }
}
