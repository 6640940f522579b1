package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.markguard.api.AssessedListing;
import org.markguard.api.Listing;

class ListingDocumentTest {
    private final ObjectMapper json = DocumentMapper.create();

    private AssessedListing roundTrip(AssessedListing original) throws Exception {
        String text = json.writeValueAsString(ListingDocument.of(original));
        return json.readValue(text, ListingDocument.class).toAssessedListing();
    }

    @Test
    void flaggedListingSurvivesTheRoundTrip() throws Exception {
        AssessedListing original = TestListings.listing(0);
        assertTrue(original.flagged());
        assertEquals(original, roundTrip(original));
    }

    @Test
    void unflaggedListingSurvivesTheRoundTrip() throws Exception {
        AssessedListing original = TestListings.listing(15);
        assertFalse(original.flagged());
        assertEquals(original, roundTrip(original));
    }

    @Test
    void minimalListingWithNullsSurvivesTheRoundTrip() throws Exception {
        Listing bare = new Listing(null, "https://shopee.vn/x", null, null, null, null, null, null, null,
                null, null, null, null, null);
        AssessedListing original = new AssessedListing(bare, null, 0.0);
        assertEquals(original, roundTrip(original));
        JsonNode doc = json.valueToTree(ListingDocument.of(original));
        assertFalse(doc.has("title_folded"), "no folded field without text");
        assertFalse(doc.has("price"));
    }

    @Test
    void priceScaleAndNanosecondsArePreserved() throws Exception {
        AssessedListing base = TestListings.listing(3);
        Listing l = base.listing();
        Listing precise = new Listing(l.id(), l.url(), l.platform(), l.title(), l.description(),
                new java.math.BigDecimal("12.50"), l.currency(), l.seller(), l.imageUrls(),
                Instant.parse("2025-01-02T03:04:05.123456789Z"), l.contentHash(), l.extractionSource(),
                l.fieldSources(), l.warnings());
        AssessedListing original = new AssessedListing(precise, base.findings(), base.risk());
        AssessedListing back = roundTrip(original);
        assertEquals("12.50", back.listing().price().toPlainString());
        assertEquals(original, back);
    }

    @Test
    void documentCarriesFoldedCompanionsAndFlag() {
        JsonNode doc = json.valueToTree(ListingDocument.of(TestListings.listing(0)));
        assertTrue(doc.get("title_folded").asText().startsWith("nuoc mam phu quoc 40 do dam"));
        assertEquals("nuoc mam truyen thong, chai 500ml", doc.get("description_folded").asText());
        assertEquals("cua hang dac san mien tay 0", doc.get("seller_folded").asText());
        assertTrue(doc.get("flagged").asBoolean());
        assertEquals("GEOGRAPHICAL_INDICATION", doc.at("/findings/0/kind").asText());
        assertEquals("2025-03-01T08:00:00Z", doc.get("captureTime").asText());
        assertEquals(TestListings.listing(0).listing().id(), doc.get("id").asText());
        String id = TestListings.listing(0).listing().id();
        assertEquals(Long.parseUnsignedLong(id.substring(0, 16), 16), doc.get("id_sort").asLong());
    }

    @Test
    void decomposedInputIsFoldedLikeComposed() {
        Listing l = new Listing(null, "https://x.vn/1", "shopee", "Che\u0300 Tha\u0301i Nguye\u0302n", null,
                null, null, null, null, null, null, null, null, null);
        JsonNode doc = json.valueToTree(ListingDocument.of(new AssessedListing(l, List.of(), 0)));
        assertEquals("che thai nguyen", doc.get("title_folded").asText());
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
        ObjectMapper m = json;
        com.fasterxml.jackson.databind.node.ObjectNode doc = m.valueToTree(ListingDocument.of(TestListings.listing(2)));
        doc.put("addedLater", "x");
        assertEquals(TestListings.listing(2), m.treeToValue(doc, ListingDocument.class).toAssessedListing());
    }

    @Test
    void anotherHistoryChangesOnlyTheHistoryFields() {
        AssessedListing plain = TestListings.listing(4);
        java.time.Instant t = plain.listing().captureTime();
        org.markguard.api.ListingHistory history = new org.markguard.api.ListingHistory(t.minusSeconds(86_400), t, true,
                t.plusSeconds(5), java.util.List.of(new org.markguard.api.ListingHistory.PricePoint(
                        plain.listing().price(), "VND", t.minusSeconds(86_400))));
        AssessedListing withHistory = new AssessedListing(plain.listing(), plain.findings(), plain.risk(), history);
        assertEquals(ListingDocument.of(withHistory), ListingDocument.of(plain).withHistory(history));
        assertEquals(ListingDocument.of(plain), ListingDocument.of(withHistory).withHistory(plain.history()));
    }
}
