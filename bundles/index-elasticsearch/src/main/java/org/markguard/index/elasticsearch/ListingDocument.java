package org.markguard.index.elasticsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.markguard.api.AssessedListing;
import org.markguard.api.Finding;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;
import org.markguard.api.DismissReason;
import org.markguard.api.FindingKind;
import org.markguard.api.ReviewState;
import org.markguard.api.ReviewStatus;
import org.markguard.api.ListingHistory;
import org.markguard.api.ProductDetails;
import org.markguard.api.Seller;
import org.markguard.api.SellerDirectory;

/**
 * The Elasticsearch document of one assessed listing, as Jackson writes it to and reads it from
 * {@code _source}. The listing's fields are at the top level, plus what only the index needs:
 * the folded companions that search matches on (folded here because the minimal server has no
 * asciifolding filter, and so that a stock cluster behaves the same), and {@code flagged}.
 *
 * <p>Every property here must exist in {@code listings-index.json} (the mapping is strict).
 * The capture time is kept as an ISO-8601 string so no Jackson time module is needed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // documents written by a newer version still read
record ListingDocument(
        String id,
        String url,
        String platform,
        String title,
        @JsonProperty(FIELD_TITLE_FOLDED) String titleFolded,
        String description,
        @JsonProperty(FIELD_DESCRIPTION_FOLDED) String descriptionFolded,
        BigDecimal price,
        String currency,
        Seller seller,
        @JsonProperty(FIELD_SELLER_FOLDED) String sellerFolded,
        List<String> imageUrls,
        String captureTime,
        String contentHash,
        String extractionSource,
        Map<String, String> fieldSources,
        List<String> warnings,
        ProductDetails details,
        String captureRef,
        List<Finding> findings,
        double risk,
        boolean flagged,
        String firstSeen,
        Boolean gone,
        String goneAt,
        List<PricePoint> priceHistory,
        ReviewDoc review,
        Contacts contacts,
        String descriptionHash,
        @JsonProperty(FIELD_ID_SORT) Long idSort,
        String sellerKey) {

    static final String FIELD_ID = "id";
    static final String FIELD_ID_SORT = "id_sort";
    /** {@code platform:sellerId} (see SellerDirectory.keyOf): the seller facet counts it in one terms aggregation. */
    static final String FIELD_SELLER_KEY = "sellerKey";
    static final String FIELD_PLATFORM = "platform";
    static final String FIELD_CAPTURE_TIME = "captureTime";
    static final String FIELD_FLAGGED = "flagged";
    static final String FIELD_FINDING_KIND = "findings.kind";
    static final String FIELD_FINDING_SUBJECT = "findings.subject";
    static final String FIELD_TITLE_FOLDED = "title_folded";
    static final String FIELD_DESCRIPTION_FOLDED = "description_folded";
    static final String FIELD_SELLER_FOLDED = "seller_folded";
    static final String FIELD_SELLER_ID = "seller.id";
    static final String FIELD_PROVINCE = "seller.province";
    static final String FIELD_PRODUCT_GROUP = "details.productGroup";
    static final String FIELD_DETECTOR = "findings.detectorId";
    static final String FIELD_RISK = "risk";
    static final String FIELD_REVIEW_STATUS = "review.status";
    static final String FIELD_ASSIGNEE = "review.assignee";
    static final String FIELD_PHONES = "contacts.phones";
    static final String FIELD_BANKS = "contacts.banks";
    static final String FIELD_DESCRIPTION_HASH = "descriptionHash";

    static ListingDocument of(AssessedListing assessed) {
        Listing l = assessed.listing();
        return new ListingDocument(l.id(), l.url(), l.platform(),
                l.title(), folded(l.title()),
                l.description(), folded(l.description()),
                l.price(), l.currency(),
                l.seller(), folded(l.seller().name()),
                l.imageUrls(),
                l.captureTime() == null ? null : l.captureTime().toString(),
                l.contentHash(), l.extractionSource(), l.fieldSources(), l.warnings(),
                l.details(), l.captureRef(),
                assessed.findings(), assessed.risk(), assessed.flagged(),
                null, null, null, null, null, // the history, below
                Contacts.of(l.title(), l.description()),
                ContactExtraction.descriptionHash(l.description()), idSortOf(l.id()),
                SellerDirectory.keyOf(l)).withHistory(assessed.history());
    }

    /**
     * The sort tie-breaker: the first 64 bits of the id (hex SHA-256) as a number. Sorting on the
     * keyword id instead costs a terms-dictionary lookup for every hit that enters the top hits,
     * and in the default order (newest capture first) nearly every hit does, since listings are
     * indexed in capture order: ~1.2 s per browse of 1,000,000 listings, ~50 ms with this. Two
     * listings captured in the same millisecond with the same 64-bit prefix would tie: never in
     * practice.
     */
    static Long idSortOf(String id) {
        if (id == null || id.length() < 16) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(id.substring(0, 16), 16);
        } catch (NumberFormatException e) {
            return null; // not a hex SHA-256 id: sorts last among its ties
        }
    }

    /**
     * This document in the current shape: what a newer version derives from the stored fields is
     * derived (re-indexing an older index uses it).
     */
    ListingDocument upgraded() {
        String key = seller == null || seller.id() == null ? null : platform + ":" + seller.id();
        if ((idSort != null || id == null) && java.util.Objects.equals(sellerKey, key)) {
            return this;
        }
        return new ListingDocument(id, url, platform, title, titleFolded, description, descriptionFolded, price,
                currency, seller, sellerFolded, imageUrls, captureTime, contentHash, extractionSource, fieldSources,
                warnings, details, captureRef, findings, risk, flagged, firstSeen, gone, goneAt, priceHistory, review,
                contacts, descriptionHash, idSort != null ? idSort : idSortOf(id), key);
    }

    /**
     * The same document with another history (first seen, gone, prices, review), which is all a
     * re-crawl's merge or a gone mark changes: the text-derived fields are kept, not computed again.
     */
    ListingDocument withHistory(ListingHistory h) {
        return new ListingDocument(id, url, platform, title, titleFolded, description, descriptionFolded, price,
                currency, seller, sellerFolded, imageUrls, captureTime, contentHash, extractionSource, fieldSources,
                warnings, details, captureRef, findings, risk, flagged,
                iso(h.firstSeen()), h.gone() ? Boolean.TRUE : null, iso(h.goneAt()),
                h.prices().stream().map(p -> new PricePoint(p.price(), p.currency(), iso(p.seenAt()))).toList(),
                ReviewDoc.of(h.review()), contacts, descriptionHash, idSort, sellerKey);
    }

    /** Phone and bank account numbers in the listing's text (see {@link ContactExtraction}); left out when none. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Contacts(List<String> phones, List<String> banks) {
        static Contacts of(String title, String description) {
            List<String> phones = ContactExtraction.phones(title, description);
            List<String> banks = ContactExtraction.bankAccounts(title, description);
            return phones.isEmpty() && banks.isEmpty() ? null : new Contacts(phones, banks);
        }
    }

    AssessedListing toAssessedListing() {
        Listing listing = new Listing(id, url, platform, title, description, price, currency, seller,
                imageUrls, captureTime == null ? null : IsoInstants.parse(captureTime), contentHash,
                extractionSource, fieldSources, warnings, details, captureRef);
        Instant captured = listing.captureTime();
        boolean neverStored = firstSeen == null && goneAt == null && (priceHistory == null || priceHistory.isEmpty());
        ListingHistory history = neverStored ? ListingHistory.NONE : new ListingHistory(firstSeen == null ? captured : IsoInstants.parse(firstSeen), captured,
                Boolean.TRUE.equals(gone), goneAt == null ? null : IsoInstants.parse(goneAt),
                priceHistory == null ? List.of() : priceHistory.stream().map(p -> new ListingHistory.PricePoint(
                        p.price(), p.currency(), p.seenAt() == null ? null : IsoInstants.parse(p.seenAt()))).toList());
        if (review != null) {
            history = history.withReview(review.toState());
        }
        return new AssessedListing(listing, findings, risk, history);
    }

    /** The review state as stored; left out until the first review. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReviewDoc(String status, String kind, String reason, String assignee, String reviewer, String at,
                     String lastReviewId, int count) {
        static ReviewDoc of(ReviewState s) {
            if (s == null || s.count() == 0) {
                return null;
            }
            return new ReviewDoc(s.status().name(), s.kind() == null ? null : s.kind().name(),
                    s.reason() == null ? null : s.reason().name(), s.assignee(), s.reviewer(), iso(s.at()),
                    s.lastReviewId(), s.count());
        }

        ReviewState toState() {
            return new ReviewState(status == null ? ReviewStatus.OPEN : ReviewStatus.valueOf(status),
                    kind == null ? null : FindingKind.valueOf(kind), reason == null ? null : DismissReason.valueOf(reason),
                    assignee, reviewer, at == null ? null : IsoInstants.parse(at), lastReviewId, count);
        }
    }

    /** One entry of {@code priceHistory}; times as ISO-8601 strings like the rest of the document. */
    record PricePoint(BigDecimal price, String currency, String seenAt) {
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    /** The folded form for a {@code *_folded} field; null (field left out) when there is no text. */
    private static String folded(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return FoldedText.fold(text);
    }
}
