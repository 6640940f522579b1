package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.markguard.api.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the listing store talks to Elasticsearch: every call first makes sure the index layout
 * exists, runs with the bundle's class loader, and turns failures into {@link StoreException}s
 * that tell "unreachable" (worth spooling and retrying) from "rejected" (would fail again).
 * Shared by the store, its scans and its bulk writer.
 */
final class StoreCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchListingStore.class);

    final ConnectionSettings settings;
    final ElasticsearchClient client;
    final IndexLayout layout;
    /** Listing searches, read without the client's object model. */
    final StreamedSearch search;
    private volatile boolean lastCallFailed;

    StoreCalls(ConnectionSettings settings) {
        this.settings = settings;
        com.fasterxml.jackson.databind.ObjectMapper documents = DocumentMapper.create();
        this.client = ElasticsearchClients.create(settings, documents);
        this.layout = new IndexLayout(settings.indexPrefix(), true);
        this.search = new StreamedSearch(client, settings, documents);
    }

    /** Runs a client call after making sure the index layout exists; maps failures to StoreException. */
    <T> T call(String what, ElasticsearchClients.IoCall<T> work) throws StoreException {
        try {
            T result = ElasticsearchClients.withBundleClassLoader(() -> {
                layout.ensure(client);
                return work.call();
            });
            if (lastCallFailed) {
                lastCallFailed = false;
                LOG.info("Elasticsearch at {} is reachable again", settings.url());
            }
            return result;
        } catch (ElasticsearchException e) {
            if (e.error() != null && "index_not_found_exception".equals(e.error().type())) {
                layout.invalidate(); // deleted behind our back: recreate on the next call
            }
            throw new StoreException("Elasticsearch rejected '" + what + "': " + describe(e), e);
        } catch (IOException | RuntimeException e) {
            if (!lastCallFailed) {
                lastCallFailed = true;
                LOG.warn("Elasticsearch at {} is unreachable: {}", settings.url(), e.toString());
            }
            throw new StoreException("Elasticsearch at " + settings.url() + " unreachable during '" + what
                    + "': " + e, e);
        }
    }

    /** True when Elasticsearch could not be reached (as opposed to: it answered with an error). */
    static boolean isUnreachable(StoreException e) {
        return !(e.getCause() instanceof ElasticsearchException);
    }

    /**
     * True when Elasticsearch found the request itself malformed (HTTP 400): sending it again would
     * fail again. Anything else (unreachable, overloaded, index missing, credentials refused) may
     * pass later, so spooled writes wait for it.
     */
    static boolean isBadRequest(StoreException e) {
        return e.getCause() instanceof ElasticsearchException es && es.status() == 400;
    }

    private static String describe(ElasticsearchException e) {
        if (e.error() == null) {
            return e.getMessage();
        }
        return "[" + e.status() + " " + e.error().type() + "] " + e.error().reason();
    }

    void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("closing the Elasticsearch client failed", e);
        }
    }
}
