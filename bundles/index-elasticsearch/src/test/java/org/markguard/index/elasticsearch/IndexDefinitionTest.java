package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexDefinitionTest {
    private final ObjectMapper json = DocumentMapper.create();

    @Test
    void definitionIsValidJsonWithStrictMapping() throws Exception {
        JsonNode def = json.readTree(IndexLayout.definitionJson());
        assertEquals("strict", def.at("/mappings/dynamic").asText());
        assertEquals("keyword", def.at("/mappings/properties/id/type").asText());
        assertEquals("text", def.at("/mappings/properties/title_folded/type").asText());
        assertEquals("keyword", def.at("/mappings/properties/seller/properties/name/fields/keyword/type").asText());
        assertFalse(def.at("/mappings/properties/fieldSources/enabled").asBoolean(true));
        assertFalse(def.at("/mappings/properties/findings/properties/spans/enabled").asBoolean(true));
    }

    @Test
    void theClientAcceptsTheDefinition() {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(json);
        CreateIndexRequest request = CreateIndexRequest.of(c -> c
                .withJson(mapper.jsonProvider().createParser(new StringReader(IndexLayout.definitionJson())), mapper)
                .index("x"));
        assertNotNull(request.mappings());
        assertEquals(DynamicMapping.Strict, request.mappings().dynamic());
        assertTrue(request.mappings().properties().containsKey("captureTime"));
    }

    /** The mapping is strict: every path a document can have must be mapped, or ES rejects it. */
    @Test
    void everyDocumentFieldIsMapped() throws Exception {
        JsonNode properties = json.readTree(IndexLayout.definitionJson()).at("/mappings/properties");
        for (int i = 0; i < 10; i++) {
            JsonNode doc = json.valueToTree(ListingDocument.of(TestListings.listing(i)));
            List<String> missing = new ArrayList<>();
            collectUnmapped("", doc, properties, missing);
            assertTrue(missing.isEmpty(), "unmapped document fields: " + missing);
        }
    }

    private static void collectUnmapped(String prefix, JsonNode value, JsonNode properties, List<String> missing) {
        if (value.isArray()) {
            value.forEach(v -> collectUnmapped(prefix, v, properties, missing));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode mapping = properties.get(field.getKey());
            String path = prefix + field.getKey();
            if (mapping == null) {
                missing.add(path);
            } else if (mapping.has("properties") && (field.getValue().isObject() || field.getValue().isArray())) {
                collectUnmapped(path + ".", field.getValue(), mapping.get("properties"), missing);
            }
        }
    }
}
