package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.markguard.api.AssessedListing;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;
import org.markguard.api.ListingHistory;
import org.markguard.api.ProductDetails;
import org.markguard.api.Reports;
import org.markguard.api.ReviewState;
import org.markguard.api.ReviewStatus;
import org.markguard.api.Seller;

/**
 * Reports over a generated history (listings and reviews spread over two years) on a real
 * Elasticsearch node; every number is checked against a count made here, in Java, from the same
 * generated data.
 */
class ReportsIT {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final int DAYS = 700;
    static final int COUNT = 3000;
    static final String[] PLATFORMS = {"shopee", "lazada", "tiktok", "facebook"};
    static final String[] GROUPS = {"cosmetics", "fashion-footwear", "food-specialties", null};
    static final String[] PROVINCES = {"Hà Nội", "Hồ Chí Minh", "An Giang", null};
    static final FindingKind[] KINDS = {FindingKind.TRADEMARK, FindingKind.GEOGRAPHICAL_INDICATION, FindingKind.CERTIFICATION_MARK};

    record Seeded(AssessedListing listing, Instant firstSeen, ReviewState review) {
    }

    static ElasticsearchProcess elasticsearch;
    static ElasticsearchReports reports;
    static final List<Seeded> seeded = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        elasticsearch = ElasticsearchProcess.fromSystemProperties();
        elasticsearch.start();
        ConnectionSettings settings = ConnectionSettings.local(elasticsearch.url());
        reports = new ElasticsearchReports(settings, VIETNAM);
        Random rnd = new Random(20251215);
        for (int i = 0; i < COUNT; i++) {
            // times spread over the day, so that the UTC+7 day boundary matters
            Instant first = START.atStartOfDay(VIETNAM).toInstant().plusSeconds((long) rnd.nextInt(DAYS) * 86_400 + rnd.nextInt(86_400));
            String platform = PLATFORMS[rnd.nextInt(PLATFORMS.length)];
            String seller = "seller-" + rnd.nextInt(150);
            boolean flagged = rnd.nextInt(10) < 4;
            FindingKind kind = KINDS[rnd.nextInt(KINDS.length)];
            String group = GROUPS[rnd.nextInt(GROUPS.length)];
            Listing l = new Listing(null, "https://" + platform + ".vn/p/" + i, platform, "Listing " + i, "",
                    new BigDecimal("100000"), "VND", new Seller(seller, "Shop " + seller, null, PROVINCES[rnd.nextInt(PROVINCES.length)]),
                    List.of(), first, Listing.sha256Hex(("p" + i).getBytes()), "JSON_LD", Map.of(), List.of(),
                    ProductDetails.NONE.withProductGroup(group), null);
            List<Finding> findings = flagged ? List.of(new Finding("d", "1", kind, "s", 0.8, List.of("r"),
                    List.of(new EvidenceSpan("title", 0, 1, "L")))) : List.of();
            ReviewState review = ReviewState.NONE;
            if (flagged) {
                int r = rnd.nextInt(20);
                ReviewStatus status = r < 6 ? ReviewStatus.CONFIRMED : r < 9 ? ReviewStatus.DISMISSED : r < 10 ? ReviewStatus.ESCALATED : null;
                if (status != null) {
                    Instant at = first.plusSeconds(rnd.nextInt(30 * 86_400));
                    review = new ReviewState(status, status == ReviewStatus.CONFIRMED ? kind : null, null, null, "an", at, "r" + i, 1);
                }
            }
            ListingHistory history = new ListingHistory(first, first, false, null, List.of(), review);
            seeded.add(new Seeded(new AssessedListing(l, findings, flagged ? 0.8 : 0, history), first, review));
        }
        try (ElasticsearchListingStore store = new ElasticsearchListingStore(settings,
                java.nio.file.Files.createTempDirectory("mg-reports"))) {
            store.refresh(); // creates the index layout
            ElasticsearchClient client = ElasticsearchClients.create(settings, DocumentMapper.create());
            for (int from = 0; from < seeded.size(); from += 500) {
                List<Seeded> batch = seeded.subList(from, Math.min(seeded.size(), from + 500));
                var response = client.bulk(b -> {
                    batch.forEach(s -> b.operations(op -> op.index(x -> x.index(store.alias()).id(s.listing().listing().id())
                            .document(ListingDocument.of(s.listing())))));
                    return b;
                });
                assertTrue(!response.errors(), "bulk load failed");
            }
            store.refresh();
            client.close();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (reports != null) {
            reports.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    static boolean in(Instant t, LocalDate from, LocalDate to) {
        return t != null && !t.isBefore(from.atStartOfDay(VIETNAM).toInstant())
                && t.isBefore(to.plusDays(1).atStartOfDay(VIETNAM).toInstant());
    }

    static Predicate<Seeded> detected(LocalDate from, LocalDate to) {
        return s -> s.listing().flagged() && in(s.firstSeen(), from, to);
    }

    static long decided(ReviewStatus status, LocalDate from, LocalDate to) {
        return seeded.stream().filter(s -> s.review().status() == status && s.review().count() > 0 && in(s.review().at(), from, to)).count();
    }

    static Reports.Totals expectedTotals(LocalDate from, LocalDate to) {
        List<Seeded> d = seeded.stream().filter(detected(from, to)).toList();
        long accounts = d.stream().map(s -> s.listing().listing().seller().id()).distinct().count();
        return new Reports.Totals(d.size(), decided(ReviewStatus.CONFIRMED, from, to), decided(ReviewStatus.DISMISSED, from, to),
                decided(ReviewStatus.ESCALATED, from, to), accounts);
    }

    @Test
    void dailyReportsMatchAnIndependentCount() throws Exception {
        int checked = 0;
        for (int d = 0; d < DAYS; d += 37) {
            LocalDate day = START.plusDays(d);
            Reports.DailyReport report = reports.daily(day);
            assertEquals(expectedTotals(day, day), report.totals(), "totals of " + day);
            Map<String, Long> byPlatform = seeded.stream().filter(detected(day, day))
                    .collect(Collectors.groupingBy(s -> s.listing().listing().platform(), TreeMap::new, Collectors.counting()));
            assertEquals(byPlatform, counts(report.byDimension().get("platform")), "platforms of " + day);
            Map<String, Long> byGroup = seeded.stream().filter(detected(day, day)).collect(Collectors.groupingBy(
                    s -> s.listing().listing().details().productGroup() == null ? "unassigned" : s.listing().listing().details().productGroup(),
                    TreeMap::new, Collectors.counting()));
            assertEquals(byGroup, counts(report.byDimension().get("productGroup")), "groups of " + day);
            long top = report.topNewAccounts().stream().mapToLong(Reports.Account::cases).max().orElse(0);
            long expectedTop = seeded.stream().filter(detected(day, day)).collect(Collectors.groupingBy(
                    s -> s.listing().listing().seller().id(), Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElse(0);
            assertEquals(expectedTop, top, "top account of " + day);
            checked += report.totals().detected();
        }
        assertTrue(checked > 20, "the sampled days had detected cases: " + checked);
    }

    static Map<String, Long> counts(List<Reports.Count> counts) {
        return counts.stream().collect(Collectors.toMap(Reports.Count::key, Reports.Count::count, Long::sum, TreeMap::new));
    }

    @Test
    void aPeriodIsComparedWithTheSameRangeAYearEarlier() throws Exception {
        LocalDate from = LocalDate.of(2026, 5, 1);
        LocalDate to = LocalDate.of(2026, 5, 31);
        Reports.PeriodReport report = reports.period(from, to, null, null);
        assertEquals(LocalDate.of(2025, 5, 1), report.baselineFrom());
        assertEquals(LocalDate.of(2025, 5, 31), report.baselineTo());
        Reports.Totals now = expectedTotals(from, to);
        Reports.Totals before = expectedTotals(from.minusYears(1), to.minusYears(1));
        Map<String, Reports.Measure> m = new HashMap<>();
        report.measures().forEach(x -> m.put(x.measure() + "/" + x.key(), x));
        assertEquals(now.detected(), m.get("detected/").value());
        assertEquals(before.detected(), m.get("detected/").baseline());
        assertEquals(now.confirmed(), m.get("confirmed/").value());
        assertEquals(before.confirmed(), m.get("confirmed/").baseline());
        double change = Math.round((now.detected() - before.detected()) * 1000.0 / before.detected()) / 10.0;
        assertEquals(change, m.get("detected/").changePercent());
        for (FindingKind k : KINDS) {
            long value = seeded.stream().filter(detected(from, to)).filter(s -> s.listing().findings().get(0).kind() == k).count();
            assertEquals(value, m.get("detected.kind/" + k.name()).value(), k.name());
        }
        Reports.PeriodReport custom = reports.period(from, to, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));
        assertEquals(expectedTotals(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)).detected(),
                custom.measures().get(0).baseline());
    }

    @Test
    void hotSpotsAreWhereConfirmedInfringementsRepeat() throws Exception {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Reports.HotspotReport report = reports.hotspots(from, to);
        Map<String, Long> bySeller = seeded.stream().filter(s -> s.review().status() == ReviewStatus.CONFIRMED
                        && s.review().count() > 0 && in(s.review().at(), from, to))
                .collect(Collectors.groupingBy(s -> s.listing().listing().seller().id(), Collectors.counting()));
        Map<String, Long> repeated = bySeller.entrySet().stream().filter(e -> e.getValue() >= 2)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Math.min(repeated.size(), ElasticsearchReports.MAX_HOTSPOTS), report.sellers().size());
        long top = repeated.values().stream().mapToLong(Long::longValue).max().orElse(0);
        assertEquals(top, report.sellers().get(0).confirmed());
        Set<String> provinces = new HashSet<>();
        report.provinces().forEach(p -> provinces.add(p.key()));
        assertTrue(provinces.containsAll(Set.of("Hà Nội", "Hồ Chí Minh", "An Giang")), provinces.toString());
        for (Reports.Hotspot p : report.provinces()) {
            long expected = seeded.stream().filter(s -> s.review().status() == ReviewStatus.CONFIRMED && s.review().count() > 0
                    && in(s.review().at(), from, to) && p.key().equals(s.listing().listing().seller().province())).count();
            assertEquals(expected, p.confirmed(), p.key());
        }
    }
}
