package org.markguard.benchmarks.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a REST answer and the direct Elasticsearch answer of the same query agree: same
 * exact total, same listing ids in the same order, same facet counts. If they do, the hand-written
 * body asks Elasticsearch for what the REST layer asks, and the two latencies are comparable.
 */
final class Agreement {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TERMS_FACETS = List.of("platform", "kind", "subject", "detector", "province", "productGroup");

    private Agreement() {
    }

    /** @return the REST answer's total; throws when anything differs */
    static long check(WorkbenchQuery query, byte[] restBytes, byte[] directBytes) throws IOException {
        JsonNode rest = JSON.readTree(restBytes);
        JsonNode direct = JSON.readTree(directBytes);
        JsonNode hits = direct.path("hits");
        same(query, "total", rest.path("total").asLong(), hits.path("total").path("value").asLong());
        same(query, "total relation", "eq", hits.path("total").path("relation").asText());
        List<String> restIds = new ArrayList<>();
        rest.path("items").forEach(i -> restIds.add(i.path("id").asText()));
        List<String> directIds = new ArrayList<>();
        hits.path("hits").forEach(h -> directIds.add(h.path("_id").asText()));
        same(query, "ids of the page", restIds, directIds);
        JsonNode facets = rest.path("facets");
        JsonNode aggs = direct.path("aggregations");
        for (String name : TERMS_FACETS) {
            same(query, "facet " + name, counts(facets.path(name), "value", "count"),
                    counts(aggs.path("sterms#" + name).path("buckets"), "key", "doc_count"));
        }
        same(query, "facet status", counts(facets.path("status"), "value", "count"),
                counts(aggs.path("filter#status").path("sterms#s").path("buckets"), "key", "doc_count"));
        List<String> bands = new ArrayList<>();
        aggs.path("range#risk").path("buckets").forEach(b -> {
            if (b.path("doc_count").asLong() > 0) {
                bands.add(b.path("key").asText() + "=" + b.path("doc_count").asLong());
            }
        });
        same(query, "facet risk", counts(facets.path("risk"), "value", "count"), bands);
        same(query, "facet seller", counts(facets.path("seller"), "value", "count"),
                counts(aggs.path("sterms#seller").path("buckets"), "key", "doc_count"));
        List<String> days = new ArrayList<>();
        JsonNode buckets = aggs.path("date_histogram#date").path("buckets");
        for (int i = buckets.size() - 1; i >= 0 && days.size() < 50; i--) {
            days.add(buckets.get(i).path("key_as_string").asText().substring(0, 10) + "=" + buckets.get(i).path("doc_count").asLong());
        }
        same(query, "facet date", counts(facets.path("date"), "value", "count"), days);
        return rest.path("total").asLong();
    }

    private static List<String> counts(JsonNode list, String key, String count) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(key).asText() + "=" + n.path(count).asLong()));
        return out;
    }

    private static void same(WorkbenchQuery query, String what, Object rest, Object direct) {
        if (!rest.equals(direct)) {
            throw new IllegalStateException("'" + query.name() + "': REST and direct differ in " + what + ": REST "
                    + rest + ", direct " + direct);
        }
    }
}
