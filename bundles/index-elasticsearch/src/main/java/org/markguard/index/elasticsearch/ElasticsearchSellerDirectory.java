package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.markguard.api.AssessedListing;
import org.markguard.api.ReviewStatus;
import org.markguard.api.SellerDirectory;
import org.markguard.api.SellerDirectory.SellerLink;
import org.markguard.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/** Seller profiles and the suspicious-account list, by aggregations over the listings index. */
@Component(service = SellerDirectory.class, configurationPid = ElasticsearchListingStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ElasticsearchSellerDirectory implements SellerDirectory, AutoCloseable {
    static final String UNASSIGNED_GROUP = "unassigned";
    static final int TOP_LISTINGS = 50;
    private static final int MAX_GROUPS = 100;

    private final WorkbenchClient es;
    private final SellerLinks linker;

    @Activate
    public ElasticsearchSellerDirectory(ElasticsearchStoreConfig config) {
        this(ConnectionSettings.from(config));
    }

    public ElasticsearchSellerDirectory(ConnectionSettings settings) {
        this.es = new WorkbenchClient(settings);
        this.linker = new SellerLinks(es);
    }

    @Override
    public Optional<SellerProfile> seller(String key) throws StoreException {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("a seller key is <platform>:<seller id>: '" + key + "'");
        }
        String platform = key.substring(0, colon);
        String sellerId = key.substring(colon + 1);
        Query ofSeller = Query.of(q -> q.bool(b -> b
                .filter(ListingFilters.termQuery(ListingDocument.FIELD_PLATFORM, platform))
                .filter(ListingFilters.termQuery(ListingDocument.FIELD_SELLER_ID, sellerId))));
        SearchResponse<ListingDocument> response = es.call("seller " + key, () -> es.client.search(s -> s
                .index(es.listings.alias()).size(TOP_LISTINGS).trackTotalHits(t -> t.enabled(true))
                .query(ofSeller)
                .sort(so -> so.field(f -> f.field(ListingDocument.FIELD_RISK).order(SortOrder.Desc)))
                .sort(so -> so.field(f -> f.field(ListingDocument.FIELD_CAPTURE_TIME).order(SortOrder.Desc)))
                .aggregations(SellerAggregations.profile()), ListingDocument.class));
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        if (total == 0) {
            return Optional.empty();
        }
        Map<String, Aggregate> a = response.aggregations();
        List<AssessedListing> top = new ArrayList<>();
        for (Hit<ListingDocument> hit : response.hits().hits()) {
            if (hit.source() != null) {
                top.add(hit.source().toAssessedListing());
            }
        }
        long confirmed = SellerAggregations.count(a, "confirmed");
        long open = SellerAggregations.count(a, "open");
        long sold = a.get("sold") == null || a.get("sold").sum().value() == null ? 0 : a.get("sold").sum().value().longValue();
        List<SellerLink> links = linker.links(platform, sellerId, a);
        double risk = SellerRisk.score(confirmed, open, sold, links.size(), SellerAggregations.time(a, "lastFlagged"),
                java.time.Instant.now());
        return Optional.of(new SellerProfile(key, platform, sellerId, SellerAggregations.keys(a, "names"), total,
                SellerAggregations.count(a, "flagged"), open, confirmed,
                SellerAggregations.count(a, "dismissed"), confirmed >= 2, SellerAggregations.keys(a, "locations"),
                SellerAggregations.keys(a, "provinces"), SellerAggregations.keys(a, "productGroups"),
                SellerAggregations.time(a, "firstSeen"), SellerAggregations.time(a, "lastSeen"), sold, risk, links, top));
    }

    @Override
    public List<SuspiciousGroup> suspicious(String productGroup, int maxPerGroup) throws StoreException {
        if (maxPerGroup < 1 || maxPerGroup > 10_000) {
            throw new IllegalArgumentException("size must be between 1 and 10000: " + maxPerGroup);
        }
        Query suspicious = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.bool(or -> or.minimumShouldMatch("1")
                    .should(ListingFilters.status(ReviewStatus.CONFIRMED))
                    .should(ListingFilters.status(ReviewStatus.OPEN))));
            b.filter(f -> f.exists(e -> e.field(ListingDocument.FIELD_SELLER_ID)));
            if (productGroup != null && !productGroup.isBlank()) {
                if (UNASSIGNED_GROUP.equals(productGroup)) {
                    b.mustNot(m -> m.exists(e -> e.field(ListingDocument.FIELD_PRODUCT_GROUP)));
                } else {
                    b.filter(ListingFilters.termQuery(ListingDocument.FIELD_PRODUCT_GROUP, productGroup));
                }
            }
            return b;
        }));
        Aggregation groups = Aggregation.of(g -> g.terms(t -> t.field(ListingDocument.FIELD_PRODUCT_GROUP)
                        .missing(UNASSIGNED_GROUP).size(MAX_GROUPS))
                .aggregations("sellers", SellerAggregations.suspiciousSellers(maxPerGroup)));
        SearchResponse<Void> response = es.call("suspicious sellers", () -> es.client.search(s -> s
                .index(es.listings.alias()).size(0).query(suspicious).aggregations("groups", groups), Void.class));
        List<SuspiciousGroup> out = new ArrayList<>();
        Aggregate g = response.aggregations().get("groups");
        if (g == null || !g.isSterms()) {
            return out;
        }
        for (StringTermsBucket group : g.sterms().buckets().array()) {
            out.add(new SuspiciousGroup(group.key().stringValue(),
                    SellerAggregations.readSuspicious(group.aggregations().get("sellers"), maxPerGroup)));
        }
        return out;
    }

    @Deactivate
    @Override
    public void close() {
        es.close();
    }

    static Instant parseTime(String iso) {
        return iso == null ? null : IsoInstants.parse(iso);
    }
}
