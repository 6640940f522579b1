package org.markguard.api;

import java.util.List;

/**
 * What an evidence packet is asked to hold: listings named one by one, a seller account's
 * listings, or the matches of a search (exactly one of the three).
 *
 * @param listingIds listing ids, or null
 * @param sellerKey a seller key {@code <platform>:<seller id>}, or null
 * @param query a search (its size and cursor are ignored), or null
 * @param recapture also fetch each page again now and add that capture (when it is still online)
 * @param languages report languages, {@code vi} always first; {@code en} on request
 * @param note free text of the requester, kept in the chain-of-custody log
 */
public record EvidenceRequest(List<String> listingIds, String sellerKey, ListingQuery query, boolean recapture,
                              List<String> languages, String note) {
    public static final int MAX_LISTINGS = 1000;

    public EvidenceRequest {
        int given = (listingIds != null && !listingIds.isEmpty() ? 1 : 0) + (sellerKey != null && !sellerKey.isBlank() ? 1 : 0)
                + (query != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of listingIds, sellerId or query");
        }
        if (listingIds != null && listingIds.size() > MAX_LISTINGS) {
            throw new IllegalArgumentException("at most " + MAX_LISTINGS + " listings in one packet");
        }
        listingIds = listingIds == null ? null : List.copyOf(listingIds);
        languages = languages == null || languages.isEmpty() ? List.of("vi") : List.copyOf(languages);
        for (String l : languages) {
            if (!l.equals("vi") && !l.equals("en")) {
                throw new IllegalArgumentException("languages are vi and en: '" + l + "'");
            }
        }
        if (note != null && note.length() > 4000) {
            throw new IllegalArgumentException("note is longer than 4000 characters");
        }
    }
}
