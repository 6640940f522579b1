package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.markguard.api.Review;
import org.markguard.api.ReviewRequest;
import org.markguard.api.ReviewService;
import org.markguard.api.ReviewState;
import org.markguard.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Reviews in their own append-only index {@code <prefix>-reviews} (alias of {@code -reviews-v1}),
 * and the state they leave on the listing ({@code review.*}, a partial update, so search can
 * filter and count by it). Reviews of one listing are recorded one at a time, so each supersedes
 * exactly the one before it.
 */
@Component(service = ReviewService.class, configurationPid = ElasticsearchListingStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ElasticsearchReviewStore implements ReviewService, AutoCloseable {
    static final String DEFINITION = "reviews-index.json";
    static final int MAX_HISTORY = 10_000;

    private final WorkbenchClient es;
    private final String alias;
    private final ObjectMapper json = DocumentMapper.create();
    private final Map<String, Object> listingLocks = new ConcurrentHashMap<>();
    private volatile boolean reviewsIndexReady;

    @Activate
    public ElasticsearchReviewStore(ElasticsearchStoreConfig config) {
        this(ConnectionSettings.from(config));
    }

    public ElasticsearchReviewStore(ConnectionSettings settings) {
        this.es = new WorkbenchClient(settings);
        this.alias = settings.indexPrefix() + "-reviews";
    }

    @Override
    public Review review(String listingId, ReviewRequest request, String reviewer) throws StoreException {
        Object lock = listingLocks.computeIfAbsent(listingId, k -> new Object());
        synchronized (lock) {
            try {
                return record(listingId, request, reviewer);
            } finally {
                listingLocks.remove(listingId, lock);
            }
        }
    }

    private Review record(String listingId, ReviewRequest request, String reviewer) throws StoreException {
        GetResponse<ListingDocument> stored = es.call("get listing " + listingId,
                () -> es.client.get(g -> g.index(es.listings.alias()).id(listingId), ListingDocument.class));
        if (!stored.found() || stored.source() == null) {
            throw new NoSuchElementException("no listing with id '" + listingId + "'");
        }
        ReviewState before = stored.source().toAssessedListing().history().review();
        Review review = new Review(UUID.randomUUID().toString(), listingId, request.decision(), request.kind(),
                request.reason(), request.note(), request.assignee(), reviewer,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), before.lastReviewId());
        ensureReviewsIndex();
        // the review first: a crash between the two writes leaves a review whose state the next
        // review (or a re-derivation from the history) catches up with, never a state without review
        es.call("store review of " + listingId, () -> es.client.index(i -> i.index(alias).id(review.id())
                .requireAlias(true).opType(co.elastic.clients.elasticsearch._types.OpType.Create)
                .document(ReviewDocument.of(review)).refresh(Refresh.True)));
        ListingDocument.ReviewDoc state = ListingDocument.ReviewDoc.of(before.then(review));
        es.call("update review state of " + listingId, () -> es.client.update(u -> u.index(es.listings.alias())
                .id(listingId).doc(Map.of("review", json.convertValue(state, Map.class)))
                .retryOnConflict(5).refresh(Refresh.WaitFor), Map.class));
        return review;
    }

    @Override
    public List<Review> reviews(String listingId) throws StoreException {
        ensureReviewsIndex();
        SearchResponse<ReviewDocument> response = es.call("reviews of " + listingId, () -> es.client.search(s -> s
                .index(alias).size(MAX_HISTORY)
                .query(q -> q.term(t -> t.field("listingId").value(listingId)))
                .sort(so -> so.field(f -> f.field("at").order(SortOrder.Asc)))
                .sort(so -> so.field(f -> f.field("id").order(SortOrder.Asc))), ReviewDocument.class));
        List<Review> out = new ArrayList<>();
        for (Hit<ReviewDocument> hit : response.hits().hits()) {
            if (hit.source() != null) {
                out.add(hit.source().toReview());
            }
        }
        return out;
    }

    /** Creates {@code <prefix>-reviews-v1} with its alias once; "already exists" is success. */
    private void ensureReviewsIndex() throws StoreException {
        if (reviewsIndexReady) {
            return;
        }
        es.call("create the reviews index", () -> {
            if (!es.client.indices().existsAlias(a -> a.name(alias)).value()) {
                JsonpMapper mapper = es.client._jsonpMapper();
                String definition = definition();
                try {
                    es.client.indices().create(c -> c.withJson(mapper.jsonProvider()
                                    .createParser(new StringReader(definition)), mapper)
                            .index(alias + "-v1").aliases(alias, a -> a.isWriteIndex(true)));
                } catch (ElasticsearchException e) {
                    if (!IndexLayout.isAlreadyExists(e)) {
                        throw e;
                    }
                    es.client.indices().putAlias(a -> a.index(alias + "-v1").name(alias).isWriteIndex(true));
                }
            }
            return null;
        });
        reviewsIndexReady = true;
    }

    private static String definition() throws IOException {
        try (InputStream in = ElasticsearchReviewStore.class.getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IOException(DEFINITION + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Deactivate
    @Override
    public void close() {
        es.close();
    }
}
