package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a listing search needs from Elasticsearch's {@code _search} answer, read in one streaming
 * pass: each hit's {@code _source} straight into a {@link ListingDocument}, the last hit's sort
 * values (the next cursor), the total, and the aggregations (a few hundred buckets) as a tree.
 *
 * <p>Why not the client's {@code SearchResponse}: building its object model (JSON-P events, then
 * every hit and bucket as client objects, then the documents) was 43 % of the REST layer's CPU for a
 * search (JFR, BENCHMARKS.md), more than Elasticsearch itself spends on a light text query.
 *
 * @param total the matches in all ({@code hits.total.value})
 * @param documents the hits' documents, in order (hits without {@code _source} are left out)
 * @param hitCount the hits on this page, with or without {@code _source}
 * @param lastSort the sort values of the page's last hit, null when the page is empty
 * @param aggregations the {@code aggregations} object with typed keys ({@code sterms#platform}), or null
 */
record SearchAnswer(long total, List<ListingDocument> documents, int hitCount, List<FieldValue> lastSort,
                    JsonNode aggregations) {

    /** Reads answers with the documents' own Jackson configuration (the one that wrote them). */
    static final class Reader {
        private final ObjectMapper mapper;
        private final ObjectReader documents;

        Reader(ObjectMapper mapper) {
            this.mapper = mapper;
            this.documents = mapper.readerFor(ListingDocument.class);
        }

        /** @throws IOException when the answer is not JSON of the {@code _search} shape */
        SearchAnswer read(InputStream in) throws IOException {
            try (JsonParser p = mapper.createParser(in)) {
                expect(p, p.nextToken(), JsonToken.START_OBJECT);
                Hits hits = null;
                JsonNode aggregations = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if ("hits".equals(field)) {
                        expect(p, value, JsonToken.START_OBJECT);
                        hits = new Hits();
                        readHits(p, hits);
                    } else if ("aggregations".equals(field) && value == JsonToken.START_OBJECT) {
                        aggregations = p.readValueAsTree();
                    } else {
                        p.skipChildren(); // took, timed_out, _shards, …
                    }
                }
                if (hits == null) { // an error answer, say: never an empty page
                    throw new IOException("not a search answer: no hits");
                }
                long total = hits.total < 0 ? hits.count : hits.total;
                return new SearchAnswer(total, hits.documents, hits.count, hits.lastSort, aggregations);
            }
        }

        private void readHits(JsonParser p, Hits hits) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("total".equals(field)) {
                    hits.total = readTotal(p, value);
                } else if ("hits".equals(field)) {
                    expect(p, value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        readHit(p, hits);
                    }
                } else {
                    p.skipChildren(); // max_score
                }
            }
        }

        private void readHit(JsonParser p, Hits hits) throws IOException {
            hits.count++;
            hits.lastSort = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("_source".equals(field) && value == JsonToken.START_OBJECT) {
                    hits.documents.add(documents.readValue(p));
                } else if ("sort".equals(field) && value == JsonToken.START_ARRAY) {
                    hits.lastSort = readSort(p);
                } else {
                    p.skipChildren(); // _index, _id, _score, …
                }
            }
        }

        private static long readTotal(JsonParser p, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue(); // rest_total_hits_as_int
            }
            long total = -1;
            if (value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("value".equals(field) && v == JsonToken.VALUE_NUMBER_INT) {
                        total = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            return total;
        }

        /** Sort values as the client would type them: integers as long, decimals as double. */
        private static List<FieldValue> readSort(JsonParser p) throws IOException {
            List<FieldValue> values = new ArrayList<>(2);
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                values.add(switch (t) {
                    case VALUE_NUMBER_INT -> FieldValue.of(p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> FieldValue.of(p.getDoubleValue());
                    case VALUE_STRING -> FieldValue.of(p.getText());
                    case VALUE_TRUE, VALUE_FALSE -> FieldValue.of(t == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> FieldValue.NULL;
                    default -> throw new IOException("unexpected sort value " + t + " at " + p.currentLocation());
                });
            }
            return values;
        }

        private static void expect(JsonParser p, JsonToken actual, JsonToken expected) throws IOException {
            if (actual != expected) {
                throw new IOException("not a search answer: " + actual + " where " + expected + " was expected, at "
                        + p.currentLocation());
            }
        }
    }

    /** The hits as they are read. */
    private static final class Hits {
        long total = -1;
        int count;
        List<FieldValue> lastSort;
        final List<ListingDocument> documents = new ArrayList<>();
    }
}
