package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * <p><b>Writes</b> ({@link #store}, {@link #markGone}) go to the {@link DurableSpool} and are
 * acknowledged once fsynced there; the {@link SpoolWriter} puts them into Elasticsearch in order,
 * a batch per bulk request (one {@code mget} for the histories, one {@code bulk}), whether
 * Elasticsearch is up or comes back later. {@link #get} and {@link #refresh} first wait for the
 * writes made before them, so a caller reads what it wrote.
 *
 * <p>Failures: {@link StoreException} when Elasticsearch is unreachable or rejects a request, or
 * the spool cannot be written; {@link IllegalArgumentException} for a bad search cursor. A spooled
 * listing Elasticsearch rejects is logged and dropped. Secrets are never logged.
 */
@Component(service = ListingStore.class, configurationPid = ElasticsearchListingStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ElasticsearchStoreConfig.class)
public final class ElasticsearchListingStore implements ListingStore, AutoCloseable {
    public static final String PID = "org.markguard.index.elasticsearch";
    static final String UNREACHABLE = "unreachable";
    /** How long a read waits for earlier writes; a long replay after an outage is not waited out. */
    static final long READ_YOUR_WRITES_MS = 2_000;
    /** How long {@link #refresh} waits for earlier writes. */
    static final long REFRESH_WAIT_MS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchListingStore.class);

    private final ConnectionSettings settings;
    private final StoreCalls es;
    private final ObjectMapper json = DocumentMapper.create();
    private final DurableSpool spool;
    private final SpoolWriter writer;
    private final ExecutorService scanPrefetch = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "markguard-scan-prefetch");
        t.setDaemon(true);
        return t;
    });

    /** DS constructor injection of the configuration. */
    @Activate
    public ElasticsearchListingStore(ElasticsearchStoreConfig config) {
        this(ConnectionSettings.from(config), spoolDirectory(config.spoolDirectory(), config.indexPrefix()));
    }

    /** Opens a store without OSGi, spooling under the temporary directory; makes no request yet. */
    public ElasticsearchListingStore(ConnectionSettings settings) {
        this(settings, spoolDirectory("", settings.indexPrefix()));
    }

    /** Opens a store without OSGi with its spool in {@code spoolDirectory}; makes no request yet. */
    public ElasticsearchListingStore(ConnectionSettings settings, Path spoolDirectory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.es = new StoreCalls(settings);
        this.spool = new DurableSpool(spoolDirectory, json);
        this.writer = new SpoolWriter(spool, new BulkListingWriter(es, json), "markguard-index-writer");
        LOG.info("Elasticsearch listing store on {} (alias {}, spool {}, {} pending)", settings, es.layout.alias(),
                spool.file(), spool.pending());
        if (spool.pending() > 0) {
            writer.nudge();
        }
    }

    static Path spoolDirectory(String configured, String indexPrefix) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("karaf.data");
        return data != null ? Path.of(data, "markguard", "spool", indexPrefix)
                : Path.of(System.getProperty("java.io.tmpdir"), "markguard-spool-" + indexPrefix);
    }

    /** Completes once the alias points to the current index version (see {@link IndexMigration}). */
    java.util.concurrent.CompletableFuture<Long> migration() {
        return es.layout.migration();
    }

    /** The alias every read and write uses. */
    public String alias() {
        return es.layout.alias();
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void store(AssessedListing listing) throws StoreException {
        Objects.requireNonNull(listing, "listing");
        spoolOrFail(DurableSpool.STORE, ListingDocument.of(listing));
    }

    @Override
    public void markGone(String id, Instant when) throws StoreException {
        Objects.requireNonNull(id, "id");
        spoolOrFail(DurableSpool.GONE, Map.of("id", id, "at", when.toString()));
    }

    private void spoolOrFail(String op, Object payload) throws StoreException {
        try {
            spool.append(op, payload);
        } catch (IOException e) {
            throw new StoreException("the spool " + spool.file() + " is not writable: " + e, e);
        }
        writer.nudge();
    }

    /**
     * One bulk request of partial updates ({@code findings}, {@code risk}, {@code flagged}): no read,
     * no script (the minimal server has no painless). A listing deleted meanwhile answers 404 and is
     * skipped.
     */
    @Override
    public int updateFindings(List<AssessedListing> listings) throws StoreException {
        if (listings.isEmpty()) {
            return 0;
        }
        BulkResponse response = es.call("update findings of " + listings.size() + " listings", () -> es.client.bulk(b -> {
            for (AssessedListing a : listings) {
                Map<String, Object> doc = new HashMap<>();
                doc.put("findings", json.convertValue(a.findings(), List.class));
                doc.put("risk", a.risk());
                doc.put("flagged", a.flagged());
                b.operations(op -> op.update(u -> u.index(es.layout.alias()).id(a.listing().id())
                        .action(act -> act.doc(doc))));
            }
            return b;
        }));
        int updated = 0;
        for (var item : response.items()) {
            if (item.error() == null) {
                updated++;
            } else if (item.status() != 404) {
                throw new StoreException("Elasticsearch rejected a findings update: " + item.error().reason());
            }
        }
        return updated;
    }

    @Override
    public long pending() {
        return spool.pending();
    }

    @Override
    public Optional<AssessedListing> get(String id) throws StoreException {
        Objects.requireNonNull(id, "id");
        awaitEarlierWrites(READ_YOUR_WRITES_MS);
        GetResponse<ListingDocument> response = es.call("get listing " + id,
                () -> es.client.get(g -> g.index(es.layout.alias()).id(id), ListingDocument.class));
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        return Optional.of(response.source().toAssessedListing());
    }

    @Override
    public ListingPage search(ListingQuery query) throws StoreException {
        Objects.requireNonNull(query, "query");
        ListingSearch search = new ListingSearch(query);
        SearchRequest request = search.request(es.layout.alias()); // bad cursor fails here, before any I/O
        SearchAnswer answer = es.call("search listings", () -> es.search.run(request));
        return search.page(answer);
    }

    /** A snapshot of the matches, paged in index order (see {@link ListingScan}). */
    @Override
    public void scan(ListingQuery query, PageConsumer consumer) throws StoreException {
        Objects.requireNonNull(query, "query");
        new ListingScan(es, scanPrefetch).run(query, consumer);
    }

    @Override
    public void scanUrls(String platform, java.util.Set<String> hosts, UrlConsumer consumer) throws StoreException {
        Objects.requireNonNull(hosts, "hosts");
        new ListingScan(es, scanPrefetch).urls(platform, hosts, consumer);
    }

    @Override
    public void refresh() throws StoreException {
        awaitEarlierWrites(REFRESH_WAIT_MS);
        es.call("refresh " + es.layout.alias(), () -> es.client.indices().refresh(r -> r.index(es.layout.alias())));
    }

    /** Lets the writer catch up with what was spooled before this call; gives up when ES is unreachable. */
    private void awaitEarlierWrites(long timeoutMs) {
        if (spool.pending() == 0) {
            return;
        }
        try {
            writer.awaitWritten(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String health() {
        try {
            // cluster health, not info()/ping(): GET / and HEAD / answer 405 on the minimal server
            return ElasticsearchClients.withBundleClassLoader(
                    () -> es.client.cluster().health().status().jsonValue());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Elasticsearch health check failed on {}", settings.url(), e);
            return UNREACHABLE;
        }
    }

    /** Stops the writer (what it has not written stays in the spool for the next start). */
    @Deactivate
    @Override
    public void close() {
        writer.close();
        scanPrefetch.shutdownNow();
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("closing the spool {} failed", spool.file(), e);
        }
        es.close();
    }
}
