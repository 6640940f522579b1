package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.json.JsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.markguard.api.FindingKind;
import org.markguard.api.ListingQuery;

class ListingSearchTest {
    private final ObjectMapper json = DocumentMapper.create();
    private final JsonpMapper mapper = new JacksonJsonpMapper(json);

    private JsonNode body(ListingQuery query) throws Exception {
        SearchRequest request = new ListingSearch(query).request("markguard-listings");
        StringWriter out = new StringWriter();
        try (var generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        return json.readTree(out.toString());
    }

    @Test
    void textQueryIsFoldedAndSortedByScore() throws Exception {
        JsonNode body = body(new ListingQuery("Nước MẮM Phú Quốc", null, null, null, null, 20, null));
        JsonNode mm = body.at("/query/bool/must/0/multi_match");
        assertEquals("nuoc mam phu quoc", mm.get("query").asText());
        assertEquals("title_folded^3", mm.at("/fields/0").asText());
        assertTrue(body.at("/sort/0").has("_score"), body.toString());
        assertEquals("asc", body.at("/sort/1/id_sort/order").asText());
        assertTrue(body.get("track_total_hits").asBoolean());
        assertEquals(20, body.get("size").asInt());
    }

    @Test
    void filtersAreTermFiltersAndBrowseSortsByTime() throws Exception {
        JsonNode body = body(new ListingQuery(null, true, FindingKind.TRADEMARK, "gucci", "shopee", 5, null));
        JsonNode filters = body.at("/query/bool/filter");
        assertEquals(4, filters.size(), body.toString());
        assertEquals("TRADEMARK", filters.findValue("findings.kind").get("value").asText());
        assertEquals("gucci", filters.findValue("findings.subject").get("value").asText());
        assertEquals("desc", body.at("/sort/0/captureTime/order").asText());
    }

    @Test
    void noCriteriaIsMatchAll() throws Exception {
        JsonNode body = body(new ListingQuery("  ", null, null, null, null, 5, null));
        assertTrue(body.at("/query").has("match_all"), body.toString());
    }
}
