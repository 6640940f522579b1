package org.markguard.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The reports agencies file (daily quick report, period report against a baseline, hot spots),
 * computed by aggregations over the index, never by loading listings. Days are calendar days in
 * the configured time zone (Vietnam's, UTC+7, by default). Implemented by the index bundle.
 *
 * <p>What is counted: a <b>detected case</b> is a flagged listing first seen in the range; a
 * <b>confirmed</b> (dismissed, escalated) case is a listing whose review decision in force was made
 * in the range.
 */
public interface Reports {

    DailyReport daily(LocalDate day) throws StoreException;

    /** A range (inclusive days) against a baseline range; null baseline: the same range a year earlier. */
    PeriodReport period(LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo) throws StoreException;

    HotspotReport hotspots(LocalDate from, LocalDate to) throws StoreException;

    /** The dimensions counts are broken down by. */
    List<String> DIMENSIONS = List.of("kind", "platform", "productGroup", "province");

    /** One value of a dimension and its count. */
    record Count(String key, long count) {
    }

    /** Flagged / confirmed / dismissed / escalated totals of a range. */
    record Totals(long detected, long confirmed, long dismissed, long escalated, long accounts) {
    }

    /** A seller account with the number of cases that put it in a report. */
    record Account(String key, String platform, String sellerId, String name, long cases, long confirmed) {
    }

    /**
     * @param byDimension detected cases of the day per dimension ({@link #DIMENSIONS})
     * @param topNewAccounts accounts with the most detected cases that day
     */
    record DailyReport(LocalDate day, String timeZone, Totals totals, Map<String, List<Count>> byDimension,
                       List<Account> topNewAccounts) {
    }

    /**
     * One measure of a period report.
     *
     * @param measure detected, confirmed, dismissed, escalated, accounts, or detected.&lt;dimension&gt;
     * @param key the dimension value, empty for the totals
     * @param changePercent (value − baseline) / baseline × 100; null when the baseline is 0
     */
    record Measure(String measure, String key, long value, long baseline, Double changePercent) {
        public static Measure of(String measure, String key, long value, long baseline) {
            Double change = baseline == 0 ? null : Math.round((value - baseline) * 1000.0 / baseline) / 10.0;
            return new Measure(measure, key, value, baseline, change);
        }
    }

    record PeriodReport(LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo, String timeZone,
                        List<Measure> measures) {
    }

    /**
     * A place where confirmed infringements repeat.
     *
     * @param kind seller (an account), shop (a shop name across platforms), or province
     * @param confirmed confirmed listings in the range
     * @param accounts seller accounts involved
     */
    record Hotspot(String kind, String key, String label, long confirmed, long accounts, List<String> platforms) {
    }

    /** Hot spots with at least two confirmed infringements, most first, per kind. */
    record HotspotReport(LocalDate from, LocalDate to, String timeZone, List<Hotspot> sellers, List<Hotspot> shops,
                         List<Hotspot> provinces) {
    }
}
