package org.markguard.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markguard.api.AssessedListing;
import org.markguard.api.DismissReason;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Finding;
import org.markguard.api.FindingKind;
import org.markguard.api.Listing;
import org.markguard.api.ListingHistory;
import org.markguard.api.ReviewState;
import org.markguard.api.ReviewStatus;
import org.markguard.api.Seller;
import org.markguard.api.SellerDirectory;

/**
 * The listing JSON written straight from {@link ListingView} is the documented shape: compared
 * field by field with the JSON tree the API built before (kept here as the reference).
 */
class ListingViewTest {

    @Test
    void flaggedReviewedListingSerializesAsTheTreeDid() throws Exception {
        Listing l = new Listing(null, "https://shopee.vn/p/1", "shopee", "Nước mắm <b>Phú Quốc</b>", "desc",
                new BigDecimal("125000"), "VND", new Seller("s1", "Shop \"A\"", "Kiên Giang"),
                List.of("https://cdn/x.jpg"), Instant.parse("2026-03-01T08:00:00Z"), "abc", "JSON-LD",
                Map.of("title", "JSON-LD"), List.of("no description"));
        Finding f = new Finding("gi", "1.0.0", FindingKind.GEOGRAPHICAL_INDICATION, "phu-quoc", 0.8,
                List.of("names Phú Quốc"), List.of(new EvidenceSpan("title", 0, 3, "Nướ")));
        ReviewState review = new ReviewState(ReviewStatus.DISMISSED, null, DismissReason.OFFICIAL_SELLER, "an",
                "bo", Instant.parse("2026-03-02T08:00:00Z"), "r1", 2);
        ListingHistory history = new ListingHistory(Instant.parse("2026-02-01T00:00:00Z"),
                Instant.parse("2026-03-01T08:00:00Z"), true, Instant.parse("2026-03-01T09:00:00Z"),
                List.of(new ListingHistory.PricePoint(new BigDecimal("125000"), "VND", Instant.parse("2026-03-01T08:00:00Z"))),
                review);
        AssessedListing a = new AssessedListing(l, List.of(f, f), 0.8, history);
        assertSame(a, Set.of("gi"));
        assertSame(a, Set.of());
    }

    @Test
    void unflaggedListingHasANullReviewAsBefore() throws Exception {
        Listing l = new Listing(null, "https://tiki.vn/p/2", "tiki", "Áo", null, null, null, null, null, null, null,
                null, null, null);
        AssessedListing a = new AssessedListing(l, List.of(), 0.0);
        JsonNode written = assertSame(a, Set.of());
        assertTrue(written.has("review") && written.get("review").isNull());
    }

    private static JsonNode assertSame(AssessedListing a, Set<String> active) throws Exception {
        JsonNode expected = legacyTree(a, active);
        JsonNode written = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(ListingView.of(a, active)));
        // numbers compare by value: the tree wrote a price as 1.25E+5, the view writes 125000
        java.util.Comparator<JsonNode> byValue = (x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue()) : (x.equals(y) ? 0 : 1);
        assertTrue(expected.equals(byValue, written), () -> "expected " + expected + "\nbut was  " + written);
        assertEquals(List.copyOf(iterable(expected)), List.copyOf(iterable(written)), "same field order");
        return written;
    }

    private static List<String> iterable(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * A listing's fields with its findings, risk, history and review state beside them, as
     * documented; each finding says whether its detector is still installed ({@code detectorActive}).
     */
    static ObjectNode legacyTree(AssessedListing a, Set<String> activeDetectors) {
        ObjectNode node = Json.MAPPER.valueToTree(a.listing());
        ArrayNode findings = node.putArray("findings");
        for (var f : a.findings()) {
            ObjectNode fn = Json.MAPPER.valueToTree(f);
            fn.put("detectorActive", activeDetectors.contains(f.detectorId()));
            findings.add(fn);
        }
        node.put("risk", a.risk());
        node.put("flagged", a.flagged());
        node.put("sellerKey", SellerDirectory.keyOf(a.listing()));
        ObjectNode history = Json.MAPPER.valueToTree(a.history());
        history.remove("review");
        node.set("history", history);
        ReviewState review = a.history().review();
        if (review.count() > 0 || a.flagged()) {
            ObjectNode rn = node.putObject("review");
            rn.put("status", review.status().name());
            rn.put("kind", review.kind() == null ? null : review.kind().name());
            rn.put("reason", review.reason() == null ? null : review.reason().name());
            rn.put("assignee", review.assignee());
            rn.put("reviewer", review.reviewer());
            rn.put("at", review.at() == null ? null : review.at().toString());
            rn.put("count", review.count());
        } else {
            node.putNull("review");
        }
        return node;
    }

}
