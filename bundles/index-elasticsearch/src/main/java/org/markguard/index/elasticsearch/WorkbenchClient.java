package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import org.markguard.api.StoreException;

/**
 * The client of the review store and the seller directory: the same connection settings as the
 * listing store, its own client (components come and go independently), and one way of turning
 * failures into {@link StoreException}s.
 */
final class WorkbenchClient implements AutoCloseable {
    final ConnectionSettings settings;
    final ElasticsearchClient client;
    final IndexLayout listings;

    WorkbenchClient(ConnectionSettings settings) {
        this.settings = settings;
        this.client = ElasticsearchClients.create(settings, DocumentMapper.create());
        this.listings = new IndexLayout(settings.indexPrefix());
    }

    /** Runs a call after making sure the listings index exists. */
    <T> T call(String what, ElasticsearchClients.IoCall<T> work) throws StoreException {
        try {
            return ElasticsearchClients.withBundleClassLoader(() -> {
                listings.ensure(client);
                return work.call();
            });
        } catch (ElasticsearchException e) {
            if (e.error() != null && "index_not_found_exception".equals(e.error().type())) {
                listings.invalidate();
            }
            String why = e.error() == null ? e.getMessage() : "[" + e.status() + " " + e.error().type() + "] " + e.error().reason();
            throw new StoreException("Elasticsearch rejected '" + what + "': " + why, e);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Elasticsearch at " + settings.url() + " unreachable during '" + what + "': " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing to do: the connection pool is gone either way
        }
    }
}
