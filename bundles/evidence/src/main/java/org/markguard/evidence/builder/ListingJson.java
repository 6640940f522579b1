package org.markguard.evidence.builder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.markguard.api.AssessedListing;
import org.markguard.api.Review;
import org.markguard.api.SellerDirectory;

/**
 * {@code listing.json} and {@code reviews.json}: the listing as the store holds it, in the shape of
 * the REST API's listing ({@code GET /api/v1/listings/{id}}: its fields, then findings with reasons
 * and spans, risk, flagged, sellerKey, history and review), and its review history oldest first.
 */
final class ListingJson {
    private ListingJson() {
    }

    static void writeListing(AssessedListing a, OutputStream out) throws IOException {
        ObjectNode node = Json.MAPPER.valueToTree(a.listing());
        node.set("findings", Json.MAPPER.valueToTree(a.findings()));
        node.put("risk", a.risk());
        node.put("flagged", a.flagged());
        node.put("sellerKey", SellerDirectory.keyOf(a.listing()));
        ObjectNode history = Json.MAPPER.valueToTree(a.history());
        node.set("review", history.remove("review"));
        node.set("history", history);
        Json.PRETTY.writeValue(out, node);
    }

    static void writeReviews(List<Review> reviews, OutputStream out) throws IOException {
        Json.PRETTY.writeValue(out, reviews);
    }
}
