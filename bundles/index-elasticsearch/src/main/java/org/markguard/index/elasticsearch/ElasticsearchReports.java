package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.markguard.api.Reports;
import org.markguard.api.ReviewStatus;
import org.markguard.api.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The agencies' reports by aggregations (one search per range), in the time zone of the
 * configuration key {@code reportTimeZone} (default Asia/Ho_Chi_Minh) of the index configuration.
 */
@Component(service = Reports.class, configurationPid = ElasticsearchListingStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class ElasticsearchReports implements Reports, AutoCloseable {
    static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";
    static final int TOP_ACCOUNTS = 10;
    static final int MAX_HOTSPOTS = 100;

    private final WorkbenchClient es;
    private final ZoneId zone;

    @Activate
    public ElasticsearchReports(ElasticsearchStoreConfig config, Map<String, Object> properties) {
        this(ConnectionSettings.from(config), zone(properties.get("reportTimeZone")));
    }

    public ElasticsearchReports(ConnectionSettings settings, ZoneId zone) {
        this.es = new WorkbenchClient(settings);
        this.zone = zone;
    }

    static ZoneId zone(Object configured) {
        String id = configured == null || configured.toString().isBlank() ? DEFAULT_ZONE : configured.toString().strip();
        return ZoneId.of(id);
    }

    @Override
    public DailyReport daily(LocalDate day) throws StoreException {
        ReportQueries.Range r = ReportQueries.Range.of(day, day, zone);
        Map<String, Aggregate> aggs = aggregate(r, true, TOP_ACCOUNTS);
        return new DailyReport(day, zone.getId(), ReportQueries.readTotals(aggs), ReportQueries.readBreakdowns(aggs),
                ReportQueries.readTopAccounts(aggs));
    }

    @Override
    public PeriodReport period(LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo)
            throws StoreException {
        ReportQueries.Range range = ReportQueries.Range.of(from, to, zone);
        LocalDate bFrom = baselineFrom != null ? baselineFrom : from.minusYears(1);
        LocalDate bTo = baselineTo != null ? baselineTo : to.minusYears(1);
        if ((baselineFrom == null) != (baselineTo == null)) {
            throw new IllegalArgumentException("give both baselineFrom and baselineTo, or neither");
        }
        ReportQueries.Range baseline = ReportQueries.Range.of(bFrom, bTo, zone);
        Map<String, Aggregate> now = aggregate(range, true, 0);
        Map<String, Aggregate> before = aggregate(baseline, true, 0);
        Totals t = ReportQueries.readTotals(now);
        Totals b = ReportQueries.readTotals(before);
        List<Measure> measures = new ArrayList<>();
        measures.add(Measure.of("detected", "", t.detected(), b.detected()));
        measures.add(Measure.of("confirmed", "", t.confirmed(), b.confirmed()));
        measures.add(Measure.of("dismissed", "", t.dismissed(), b.dismissed()));
        measures.add(Measure.of("escalated", "", t.escalated(), b.escalated()));
        measures.add(Measure.of("accounts", "", t.accounts(), b.accounts()));
        Map<String, List<Count>> nowBy = ReportQueries.readBreakdowns(now);
        Map<String, List<Count>> beforeBy = ReportQueries.readBreakdowns(before);
        for (String dimension : DIMENSIONS) {
            Map<String, long[]> pairs = new java.util.TreeMap<>();
            nowBy.get(dimension).forEach(c -> pairs.computeIfAbsent(c.key(), k -> new long[2])[0] = c.count());
            beforeBy.get(dimension).forEach(c -> pairs.computeIfAbsent(c.key(), k -> new long[2])[1] = c.count());
            pairs.forEach((key, v) -> measures.add(Measure.of("detected." + dimension, key, v[0], v[1])));
        }
        return new PeriodReport(from, to, bFrom, bTo, zone.getId(), measures);
    }

    @Override
    public HotspotReport hotspots(LocalDate from, LocalDate to) throws StoreException {
        ReportQueries.Range r = ReportQueries.Range.of(from, to, zone);
        Aggregation accounts = Aggregation.of(a -> a.cardinality(c -> c.field(ListingDocument.FIELD_SELLER_ID)
                .precisionThreshold(ReportQueries.CARDINALITY_PRECISION)));
        Aggregation platforms = SellerAggregations.terms(ListingDocument.FIELD_PLATFORM, 10);
        SearchResponse<Void> response = es.call("hot spots", () -> es.client.search(s -> s
                .index(es.listings.alias()).size(0).query(ReportQueries.decided(ReviewStatus.CONFIRMED, r))
                .aggregations("sellers", hotspotTerms(ListingDocument.FIELD_SELLER_ID, accounts, platforms, true))
                .aggregations("shops", hotspotTerms("seller.name.keyword", accounts, platforms, false))
                .aggregations("provinces", hotspotTerms(ListingDocument.FIELD_PROVINCE, accounts, platforms, false)), Void.class));
        Map<String, Aggregate> aggs = response.aggregations();
        return new HotspotReport(from, to, zone.getId(), hotspots("seller", aggs.get("sellers")),
                hotspots("shop", aggs.get("shops")), hotspots("province", aggs.get("provinces")));
    }

    private static Aggregation hotspotTerms(String field, Aggregation accounts, Aggregation platforms, boolean names) {
        return Aggregation.of(a -> {
            var terms = a.terms(t -> t.field(field).size(MAX_HOTSPOTS).minDocCount(2))
                    .aggregations("accounts", accounts).aggregations("platforms", platforms);
            return names ? terms.aggregations("names", SellerAggregations.terms("seller.name.keyword", 1)) : terms;
        });
    }

    private static List<Hotspot> hotspots(String kind, Aggregate agg) {
        List<Hotspot> out = new ArrayList<>();
        if (agg == null || !agg.isSterms()) {
            return out;
        }
        for (StringTermsBucket b : agg.sterms().buckets().array()) {
            List<String> platforms = SellerAggregations.keys(b.aggregations(), "platforms");
            String key = b.key().stringValue();
            String label = key;
            if (kind.equals("seller")) {
                List<String> names = SellerAggregations.keys(b.aggregations(), "names");
                key = (platforms.isEmpty() ? "" : platforms.get(0)) + ":" + key;
                label = names.isEmpty() ? b.key().stringValue() : names.get(0);
            }
            out.add(new Hotspot(kind, key, label, b.docCount(),
                    b.aggregations().get("accounts").cardinality().value(), platforms));
        }
        return out;
    }

    private Map<String, Aggregate> aggregate(ReportQueries.Range r, boolean breakdowns, int top) throws StoreException {
        SearchResponse<Void> response = es.call("report " + r, () -> es.client.search(s -> s
                .index(es.listings.alias()).size(0).query(ReportQueries.anyCase(r))
                .aggregations(ReportQueries.totals(r, breakdowns, top)), Void.class));
        return response.aggregations();
    }

    @Deactivate
    @Override
    public void close() {
        es.close();
    }
}
