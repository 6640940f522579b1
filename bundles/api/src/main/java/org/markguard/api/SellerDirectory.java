package org.markguard.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the index knows of seller accounts, computed by aggregations over the listings (never by
 * loading them). A seller is one account on one platform, keyed {@code <platform>:<seller id>}.
 */
public interface SellerDirectory {

    /** One seller's profile; empty when no listing has that key. */
    Optional<SellerProfile> seller(String key) throws StoreException;

    /**
     * Accounts with at least one confirmed or open flag, riskiest first, grouped by product group
     * ({@code productGroup} null: every group; listings without a group fall under "unassigned").
     */
    List<SuspiciousGroup> suspicious(String productGroup, int maxPerGroup) throws StoreException;

    /** The key of a listing's seller, null when the seller id is unknown. */
    static String keyOf(Listing listing) {
        return listing.seller() == null || listing.seller().id() == null
                ? null : listing.platform() + ":" + listing.seller().id();
    }

    /**
     * A seller account's profile.
     *
     * @param repeatInfringer at least two confirmed listings
     * @param riskScore in [0,1], see docs/workbench.md: confirmed infringements, open flags, reach
     *     (sold counts), links to other accounts, weighed down as the last flag gets older
     * @param links other accounts that share a phone or bank account number, or a copied description
     * @param top its riskiest listings (at most 50)
     */
    record SellerProfile(String key, String platform, String sellerId, List<String> names, long listings, long flagged,
                         long open, long confirmed, long dismissed, boolean repeatInfringer, List<String> locations,
                         List<String> provinces, List<String> productGroups, Instant firstSeen, Instant lastSeen,
                         long soldCount, double riskScore, List<SellerLink> links, List<AssessedListing> top) {
    }

    /**
     * Another account tied to a seller.
     *
     * @param via what ties them: {@code phone:<number>}, {@code bank:<account>}, {@code description}
     */
    record SellerLink(String key, String platform, String sellerId, String name, List<String> via) {
    }

    /** The suspicious accounts of one product group. */
    record SuspiciousGroup(String productGroup, List<SuspiciousSeller> sellers) {
    }

    /** One suspicious account; {@code links} are up to five listing URLs. */
    record SuspiciousSeller(String key, String platform, String sellerId, String name, long confirmed, long open,
                            long listings, Instant firstSeen, Instant lastSeen, List<String> locations,
                            List<String> links) {
    }
}
