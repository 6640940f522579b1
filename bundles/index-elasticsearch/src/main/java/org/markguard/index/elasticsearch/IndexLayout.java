package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonpMapper;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index template {@code <prefix>-listings} (pattern {@code <prefix>-listings-*}), the
 * versioned index {@code <prefix>-listings-v1} and the alias {@code <prefix>-listings} every read
 * and write goes through, so a later v2 can be built and swapped in without downtime.
 *
 * <p>Created lazily and idempotently: Elasticsearch may come up after Karaf, and several nodes
 * may race to create the same index, so "already exists" counts as success and a failed attempt is
 * simply repeated on the next call.
 */
final class IndexLayout {
    private static final Logger LOG = LoggerFactory.getLogger(IndexLayout.class);
    static final String INDEX_DEFINITION = "listings-index.json";
    static final int VERSION = 1;
    /** Above the built-in templates of a stock cluster, which do not match our pattern anyway. */
    private static final long TEMPLATE_PRIORITY = 200;

    private final String alias;
    private final String versionedIndex;
    private final String templateName;
    private final String templatePattern;
    private volatile boolean ready;

    IndexLayout(String indexPrefix) {
        this.alias = indexPrefix + "-listings";
        this.templateName = alias;
        this.templatePattern = alias + "-*";
        this.versionedIndex = alias + "-v" + VERSION;
    }

    String alias() {
        return alias;
    }

    String versionedIndex() {
        return versionedIndex;
    }

    /** Makes sure template, index and alias exist; cheap once they do. */
    void ensure(ElasticsearchClient client) throws IOException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            JsonpMapper mapper = client._jsonpMapper();
            client.indices().putIndexTemplate(t -> t
                    .name(templateName)
                    .indexPatterns(templatePattern)
                    .priority(TEMPLATE_PRIORITY)
                    .template(m -> m.withJson(definition(mapper), mapper)));
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                createIndexWithAlias(client, mapper);
            } else {
                // fields added in a newer version are added to the live index in place; a change
                // that ES refuses (a field's type) needs a new versioned index and a re-index
                client.indices().putMapping(p -> p.index(alias).withJson(mappings(mapper), mapper));
            }
            ready = true;
            LOG.info("Elasticsearch index layout ready: alias {} -> {}", alias, versionedIndex);
        }
    }

    /** Forget that the layout exists (someone deleted the index): the next call recreates it. */
    void invalidate() {
        ready = false;
    }

    private void createIndexWithAlias(ElasticsearchClient client, JsonpMapper mapper) throws IOException {
        try {
            client.indices().create(c -> c
                    .withJson(definition(mapper), mapper)
                    .index(versionedIndex)
                    .aliases(alias, a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!isAlreadyExists(e)) {
                throw e;
            }
            // another node won the race, or the index was made by hand without its alias
            client.indices().putAlias(a -> a.index(versionedIndex).name(alias).isWriteIndex(true));
        }
    }

    static boolean isAlreadyExists(ElasticsearchException e) {
        return e.error() != null && "resource_already_exists_exception".equals(e.error().type());
    }

    /** Settings and mappings of the index, the same JSON for the template and the index. */
    static String definitionJson() {
        try (InputStream in = IndexLayout.class.getResourceAsStream(INDEX_DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(INDEX_DEFINITION + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the "mappings" object of the definition, as put-mapping takes it. */
    private static JsonParser mappings(JsonpMapper mapper) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            String mappingsJson = json.writeValueAsString(json.readTree(definitionJson()).get("mappings"));
            return mapper.jsonProvider().createParser(new java.io.StringReader(mappingsJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonParser definition(JsonpMapper mapper) {
        // parse with the client's own Jackson-backed provider: no jakarta.json service lookup
        return mapper.jsonProvider().createParser(new java.io.StringReader(definitionJson()));
    }
}
