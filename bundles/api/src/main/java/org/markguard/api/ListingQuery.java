package org.markguard.api;

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
 */
public record ListingQuery(String q, Boolean flagged, FindingKind kind, String subject, String platform,
                           int size, String after) {
    public static final int MAX_SIZE = 500;

    public ListingQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ": " + size);
        }
    }
}
