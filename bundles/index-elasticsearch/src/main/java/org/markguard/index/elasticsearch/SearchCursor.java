package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code next} cursor: the last hit's sort values for {@code search_after}, as
 * base64url (no padding) of {@code {"o":"score"|"time"|"risk","v":[number, id_sort]}}. The
 * order is part of the cursor so that a cursor from a text search is refused by a browse and vice
 * versa, instead of silently returning a wrong page.
 */
final class SearchCursor {

    /** The sort orders a search can have; each ends with the numeric id_sort as tie-breaker. */
    enum Order {
        /** {@code _score desc, id_sort asc}: a text query is set. */
        SCORE("score"),
        /** {@code captureTime desc, id_sort asc}: no text query, or sorted by date. */
        TIME("time"),
        /** {@code risk desc, id_sort asc}: sorted by risk. */
        RISK("risk");

        final String key;

        Order(String key) {
            this.key = key;
        }
    }

    private static final ObjectMapper JSON = DocumentMapper.create();

    private SearchCursor() {
    }

    static String encode(Order order, List<FieldValue> sortValues) {
        if (sortValues == null || sortValues.size() != 2 || !sortValues.get(1).isLong()) {
            throw new IllegalStateException("unexpected sort values from Elasticsearch: " + sortValues);
        }
        ObjectNode cursor = JSON.createObjectNode().put("o", order.key);
        ArrayNode values = cursor.putArray("v");
        FieldValue first = sortValues.get(0);
        if (first.isDouble()) {
            values.add(first.doubleValue());
        } else if (first.isLong()) {
            values.add(first.longValue());
        } else {
            throw new IllegalStateException("unexpected sort value from Elasticsearch: " + first);
        }
        values.add(sortValues.get(1).longValue());
        try {
            byte[] json = JSON.writeValueAsBytes(cursor);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cursor", e);
        }
    }

    /**
     * Decodes a cursor for a search with the given order.
     *
     * @throws IllegalArgumentException when the cursor is not one this store wrote for that order
     */
    static List<FieldValue> decode(Order order, String cursor) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(cursor.strip()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw bad("it is not a cursor returned by this store");
        }
        if (node == null || !node.isObject() || !node.path("o").isTextual()) {
            throw bad("it is not a cursor returned by this store");
        }
        String written = node.get("o").asText();
        if (!order.key.equals(written)) {
            throw bad("it belongs to a search in another order (" + written + ", not " + order.key
                    + "); start again without 'after' when q or sort changes");
        }
        JsonNode values = node.path("v");
        // the tie-breaker is a long (a cursor of the keyword tie-breaker, from an older version, is refused)
        if (!values.isArray() || values.size() != 2 || !values.get(1).canConvertToExactIntegral()
                || !values.get(1).canConvertToLong()) {
            throw bad("its sort values are malformed");
        }
        JsonNode first = values.get(0);
        FieldValue key;
        if (order == Order.TIME && first.canConvertToExactIntegral() && first.canConvertToLong()) {
            key = FieldValue.of(first.longValue());
        } else if (order != Order.TIME && first.isNumber()) {
            key = FieldValue.of(first.doubleValue());
        } else {
            throw bad("its sort values are malformed");
        }
        return List.of(key, FieldValue.of(values.get(1).longValue()));
    }

    private static IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("invalid cursor 'after': " + why);
    }
}
