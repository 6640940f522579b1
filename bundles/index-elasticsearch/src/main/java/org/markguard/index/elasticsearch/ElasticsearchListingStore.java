package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.markguard.api.AssessedListing;
import org.markguard.api.ListingPage;
import org.markguard.api.ListingQuery;
import org.markguard.api.ListingStore;
import org.markguard.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ListingStore} on Elasticsearch, through the alias {@code <indexPrefix>-listings}
 * (see {@link IndexLayout}).
 *
 * <p><b>Under OSGi</b> it is a DS component configured by PID {@value #PID}
 * ({@link ElasticsearchStoreConfig}: {@code url}, {@code username}, {@code password},
 * {@code apiKey}, {@code indexPrefix}); it also starts with the defaults when there is no
 * configuration. Activation never contacts Elasticsearch, so it succeeds while ES is still down;
 * the index layout is created on the first call and retried on each call until it succeeds.
 *
 * <p><b>On a plain classpath</b> (tests, tools) use {@link #ElasticsearchListingStore(ConnectionSettings)}
 * and {@link #close()} it when done:
 * <pre>{@code
 * try (ElasticsearchListingStore store = new ElasticsearchListingStore(
 *         ConnectionSettings.local("http://127.0.0.1:9200"))) { ... }
 * }</pre>
 *
 * <p>Failures: {@link StoreException} when Elasticsearch is unreachable or rejects a request;
 * {@link IllegalArgumentException} for a bad search cursor. Secrets are never logged.
 */
@Component(service = ListingStore.class, configurationPid = ElasticsearchListingStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ElasticsearchStoreConfig.class)
public final class ElasticsearchListingStore implements ListingStore, AutoCloseable {
    public static final String PID = "org.markguard.index.elasticsearch";
    static final String UNREACHABLE = "unreachable";
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchListingStore.class);

    private final ConnectionSettings settings;
    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private volatile boolean lastCallFailed;

    /** DS constructor injection of the configuration. */
    @Activate
    public ElasticsearchListingStore(ElasticsearchStoreConfig config) {
        this(ConnectionSettings.from(config));
    }

    /** Opens a store without OSGi; makes no request yet. */
    public ElasticsearchListingStore(ConnectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.client = ElasticsearchClients.create(settings, DocumentMapper.create());
        this.layout = new IndexLayout(settings.indexPrefix());
        LOG.info("Elasticsearch listing store on {} (alias {})", settings, layout.alias());
    }

    /** The alias every read and write uses. */
    public String alias() {
        return layout.alias();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void store(AssessedListing listing) throws StoreException {
        Objects.requireNonNull(listing, "listing");
        String id = listing.listing().id();
        ListingDocument document = ListingDocument.of(listing);
        call("store listing " + id, () -> client.index(i -> i
                .index(layout.alias())
                .id(id)
                .requireAlias(true) // never let a write auto-create a dynamically mapped index
                .document(document)));
    }

    @Override
    public Optional<AssessedListing> get(String id) throws StoreException {
        Objects.requireNonNull(id, "id");
        GetResponse<ListingDocument> response = call("get listing " + id,
                () -> client.get(g -> g.index(layout.alias()).id(id), ListingDocument.class));
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        return Optional.of(response.source().toAssessedListing());
    }

    @Override
    public ListingPage search(ListingQuery query) throws StoreException {
        Objects.requireNonNull(query, "query");
        ListingSearch search = new ListingSearch(query);
        SearchRequest request = search.request(layout.alias()); // bad cursor fails here, before any I/O
        SearchResponse<ListingDocument> response = call("search listings",
                () -> client.search(request, ListingDocument.class));
        return search.page(response);
    }

    @Override
    public void refresh() throws StoreException {
        call("refresh " + layout.alias(), () -> client.indices().refresh(r -> r.index(layout.alias())));
    }

    @Override
    public String health() {
        try {
            // cluster health, not info()/ping(): GET / and HEAD / answer 405 on the minimal server
            return ElasticsearchClients.withBundleClassLoader(
                    () -> client.cluster().health().status().jsonValue());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Elasticsearch health check failed on {}", settings.url(), e);
            return UNREACHABLE;
        }
    }

    @Deactivate
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.warn("closing the Elasticsearch client failed", e);
        }
    }

    /** Runs a client call after making sure the index layout exists; maps failures to StoreException. */
    private <T> T call(String what, ElasticsearchClients.IoCall<T> work) throws StoreException {
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

    private static String describe(ElasticsearchException e) {
        if (e.error() == null) {
            return e.getMessage();
        }
        return "[" + e.status() + " " + e.error().type() + "] " + e.error().reason();
    }
}
