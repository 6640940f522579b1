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
 * versioned index {@code <prefix>-listings-v<VERSION>} and the alias {@code <prefix>-listings}
 * every read and write goes through. When the alias still points to an older version, fields the
 * new version adds are put on the old index in place (so writes go on) and, in the layout of the
 * listing store only, an {@link IndexMigration} re-indexes into the new version in the background
 * and switches the alias.
 *
 * <p>Versions: 1 the first layout; 2 adds the numeric sort tie-breaker {@code id_sort} (every
 * existing document needs it, hence a re-index) and the fetched product photos
 * {@code details.images}.
 *
 * <p>Created lazily and idempotently: Elasticsearch may come up after Karaf, and several nodes
 * may race to create the same index, so "already exists" counts as success and a failed attempt is
 * simply repeated on the next call.
 */
final class IndexLayout {
    private static final Logger LOG = LoggerFactory.getLogger(IndexLayout.class);
    static final String INDEX_DEFINITION = "listings-index.json";
    static final int VERSION = 2;
    /** Above the built-in templates of a stock cluster, which do not match our pattern anyway. */
    private static final long TEMPLATE_PRIORITY = 200;

    private final String alias;
    private final String versionedIndex;
    private final String templateName;
    private final String templatePattern;
    private final boolean migrates;
    private final java.util.concurrent.atomic.AtomicBoolean migrationStarted = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean ready;
    private final java.util.concurrent.CompletableFuture<Long> migration = new java.util.concurrent.CompletableFuture<>();

    /** A layout that only makes sure the alias exists (readers and the review store's updates). */
    IndexLayout(String indexPrefix) {
        this(indexPrefix, false);
    }

    /**
     * @param migrates whether this layout re-indexes an older version: exactly one per process, the
     *     listing store's, so that two components do not copy the same index at once
     */
    IndexLayout(String indexPrefix, boolean migrates) {
        this.migrates = migrates;
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
                migration.complete(0L);
            } else {
                // fields added in a newer version are added to the live index in place; a change
                // that ES refuses (a field's type) needs a new versioned index and a re-index
                client.indices().putMapping(p -> p.index(alias).withJson(mappings(mapper), mapper));
                String current = client.indices().getAlias(a -> a.name(alias)).aliases().keySet().iterator().next();
                if (!current.equals(versionedIndex) && migrates) {
                    startMigration(client, mapper, current);
                } else if (current.equals(versionedIndex)) {
                    migration.complete(0L);
                }
            }
            if (!migrates) {
                migration.complete(0L);
            }
            ready = true;
            LOG.info("Elasticsearch index layout ready: alias {} -> {}", alias, versionedIndex);
        }
    }

    private void startMigration(ElasticsearchClient client, JsonpMapper mapper, String current) {
        if (!migrationStarted.compareAndSet(false, true)) {
            return; // ensure() runs again after an invalidation: one copy at a time
        }
        Integer from = versionOf(current);
        if (from == null || from >= VERSION) {
            LOG.warn("Alias {} points to {}, not to an older version than {}: left as it is", alias, current,
                    versionedIndex);
            migration.complete(0L);
            return;
        }
        Thread t = new Thread(() -> {
            try {
                long copied = ElasticsearchClients.withBundleClassLoader(
                        () -> new IndexMigration(client, alias, current, versionedIndex).run(mapper, definitionJson()));
                migration.complete(copied);
            } catch (IOException | RuntimeException e) {
                LOG.error("Re-indexing {} -> {} failed; the alias stays on {}, retried at the next start: {}", current,
                        versionedIndex, current, e.toString(), e);
                migration.completeExceptionally(e);
            }
        }, "markguard-reindex");
        t.setDaemon(true);
        t.start();
    }

    /** The version number of {@code <alias>-v<N>}, or null for an index named otherwise. */
    Integer versionOf(String index) {
        String prefix = alias + "-v";
        if (!index.startsWith(prefix)) {
            return null;
        }
        try {
            return Integer.parseInt(index.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Completes with the number of documents re-indexed (0 when none was needed) once the alias is current. */
    java.util.concurrent.CompletableFuture<Long> migration() {
        return migration;
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
