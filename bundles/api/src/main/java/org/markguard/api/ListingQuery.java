package org.markguard.api;

import java.time.LocalDate;

/**
 * A search over indexed listings. Null fields do not filter.
 *
 * @param q full-text query, diacritic-insensitive
 * @param flagged true: only listings with findings; false: only without
 * @param kind only listings with a finding of this kind
 * @param subject only listings with a finding about this brand or indication id
 * @param platform only this platform
 * @param size page size, 1..500
 * @param after the opaque cursor {@code next} of the previous page
 * @param filters the workbench's further filters, sort and facets ({@link Filters#NONE} for none)
 */
public record ListingQuery(String q, Boolean flagged, FindingKind kind, String subject, String platform,
                           int size, String after, Filters filters) {
    public static final int MAX_SIZE = 500;

    public ListingQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        filters = filters == null ? Filters.NONE : filters;
    }

    /** A query without the workbench filters. */
    public ListingQuery(String q, Boolean flagged, FindingKind kind, String subject, String platform, int size,
                        String after) {
        this(q, flagged, kind, subject, platform, size, after, Filters.NONE);
    }

    /** The same query for the page after {@code cursor}. */
    public ListingQuery after(String cursor) {
        return new ListingQuery(q, flagged, kind, subject, platform, size, cursor, filters);
    }

    /** Risk bands of the workbench: HIGH ≥ 0.7, MEDIUM 0.4–0.7, LOW above 0, NONE exactly 0. */
    public enum RiskBand {
        HIGH(0.7, 1.01), MEDIUM(0.4, 0.7), LOW(1e-9, 0.4), NONE(0, 1e-9);

        public final double from;
        public final double below;

        RiskBand(double from, double below) {
            this.from = from;
            this.below = below;
        }

        public static RiskBand of(double risk) {
            for (RiskBand b : values()) {
                if (risk >= b.from && risk < b.below) {
                    return b;
                }
            }
            return NONE;
        }
    }

    /** Result order. RELEVANCE without a text query is the same as DATE. */
    public enum Sort { RELEVANCE, DATE, RISK }

    /**
     * Filters beyond the basic ones.
     *
     * @param status review status
     * @param detector a detector id that found something
     * @param risk risk band
     * @param sellerKey {@code <platform>:<seller id>}
     * @param province the seller's 2025 province
     * @param productGroup product group id
     * @param assignee the user the listing is assigned to
     * @param from first capture day (inclusive, UTC)
     * @param to last capture day (inclusive, UTC)
     * @param sort result order, null for the default (relevance with text, else date)
     * @param facets whether to count the matches by facet
     */
    public record Filters(ReviewStatus status, String detector, RiskBand risk, String sellerKey, String province,
                          String productGroup, String assignee, LocalDate from, LocalDate to, Sort sort,
                          boolean facets) {
        public static final Filters NONE = new Filters(null, null, null, null, null, null, null, null, null, null, false);

        public Filters {
            if (from != null && to != null && from.isAfter(to)) {
                throw new IllegalArgumentException("from " + from + " is after to " + to);
            }
            if (sellerKey != null && sellerKey.indexOf(':') <= 0) {
                throw new IllegalArgumentException("seller must be a seller key <platform>:<seller id>: '" + sellerKey + "'");
            }
        }
    }
}
