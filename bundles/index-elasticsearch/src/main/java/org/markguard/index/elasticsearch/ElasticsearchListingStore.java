package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final ObjectMapper json = DocumentMapper.create();
    private final DurableSpool spool;
    /** Direct writes share it; spooling and replay take it alone, so the write order is kept. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock order = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final ScheduledExecutorService replayer;
    private volatile boolean lastCallFailed;

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
        this.client = ElasticsearchClients.create(settings, DocumentMapper.create());
        this.layout = new IndexLayout(settings.indexPrefix());
        this.spool = new DurableSpool(spoolDirectory, json);
        this.replayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "markguard-spool-replay");
            t.setDaemon(true);
            return t;
        });
        replayer.scheduleWithFixedDelay(this::replaySpool, 2, 2, TimeUnit.SECONDS);
        LOG.info("Elasticsearch listing store on {} (alias {}, spool {}, {} pending)", settings, layout.alias(),
                spool.file(), spool.pending());
    }

    static Path spoolDirectory(String configured, String indexPrefix) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String data = System.getProperty("karaf.data");
        return data != null ? Path.of(data, "markguard", "spool", indexPrefix)
                : Path.of(System.getProperty("java.io.tmpdir"), "markguard-spool-" + indexPrefix);
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
        if (writeDirect(() -> write(ListingHistories.merge(get(listing.listing().id()), listing)))) {
            return;
        }
        // unreachable, or earlier writes still waiting: queue behind them to keep the order
        spoolOrFail(DurableSpool.STORE, json.valueToTree(ListingDocument.of(listing)));
    }

    @Override
    public void markGone(String id, Instant when) throws StoreException {
        Objects.requireNonNull(id, "id");
        if (writeDirect(() -> applyGone(id, when))) {
            return;
        }
        spoolOrFail(DurableSpool.GONE, json.createObjectNode().put("id", id).put("at", when.toString()));
    }

    private interface Write {
        void run() throws StoreException;
    }

    /**
     * Writes straight to Elasticsearch while nothing waits in the spool; crawler threads do so side by
     * side (shared lock). Returns false when the write has to go to the spool instead.
     */
    private boolean writeDirect(Write write) throws StoreException {
        order.readLock().lock();
        try {
            if (spool.pending() > 0) {
                return false;
            }
            write.run();
            return true;
        } catch (StoreException e) {
            if (!isUnreachable(e)) {
                throw e; // a rejected document would be rejected again: do not spool it
            }
            return false;
        } finally {
            order.readLock().unlock();
        }
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
        co.elastic.clients.elasticsearch.core.BulkResponse response = call("update findings of " + listings.size()
                + " listings", () -> client.bulk(b -> {
            for (AssessedListing a : listings) {
                Map<String, Object> doc = new java.util.HashMap<>();
                doc.put("findings", json.convertValue(a.findings(), List.class));
                doc.put("risk", a.risk());
                doc.put("flagged", a.flagged());
                b.operations(op -> op.update(u -> u.index(layout.alias()).id(a.listing().id())
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

    private void applyGone(String id, Instant when) throws StoreException {
        Optional<AssessedListing> stored = get(id);
        if (stored.isPresent()) {
            write(ListingHistories.gone(stored.get(), when));
        }
    }

    private void write(AssessedListing listing) throws StoreException {
        String id = listing.listing().id();
        ListingDocument document = ListingDocument.of(listing);
        call("store listing " + id, () -> client.index(i -> i
                .index(layout.alias())
                .id(id)
                .requireAlias(true) // never let a write auto-create a dynamically mapped index
                .document(document)));
    }

    private void spoolOrFail(String op, com.fasterxml.jackson.databind.JsonNode payload) throws StoreException {
        order.writeLock().lock();
        try {
            spool.append(op, payload);
        } catch (IOException e) {
            throw new StoreException("Elasticsearch unreachable and the spool " + spool.file() + " not writable", e);
        } finally {
            order.writeLock().unlock();
        }
    }

    /** Replays spooled writes in order; stops at the first one that cannot be written yet. */
    void replaySpool() {
        if (spool.pending() == 0) {
            return;
        }
        order.writeLock().lock(); // no direct write may overtake the spooled ones
        try {
            List<com.fasterxml.jackson.databind.JsonNode> ops = spool.readAll();
            int done = 0;
            for (com.fasterxml.jackson.databind.JsonNode op : ops) {
                try {
                    com.fasterxml.jackson.databind.JsonNode payload = op.get("payload");
                    if (DurableSpool.GONE.equals(op.path("op").asText())) {
                        applyGone(payload.get("id").asText(), Instant.parse(payload.get("at").asText()));
                    } else {
                        AssessedListing fresh = json.treeToValue(payload, ListingDocument.class).toAssessedListing();
                        write(ListingHistories.merge(get(fresh.listing().id()), fresh));
                    }
                    done++;
                } catch (StoreException e) {
                    if (isUnreachable(e)) {
                        break;
                    }
                    LOG.error("Spooled write dropped, Elasticsearch rejects it: {}", e.getMessage());
                    done++;
                }
            }
            spool.removeFirst(done, ops);
            if (done > 0) {
                LOG.info("Replayed {} spooled writes, {} still pending", done, spool.pending());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Replaying the spool {} failed: {}", spool.file(), e.toString());
        } finally {
            order.writeLock().unlock();
        }
    }

    private static boolean isUnreachable(StoreException e) {
        return !(e.getCause() instanceof ElasticsearchException);
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
        replayer.shutdownNow();
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
