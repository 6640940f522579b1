package org.markguard.benchmarks.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.markguard.api.FindingKind;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;
import org.markguard.demo.BulkListings;

/**
 * Turns demo listings into the documents the listing store keeps in Elasticsearch (the shape of
 * {@code ListingDocument} in the index bundle, written by hand because that class is internal to
 * its bundle), assessed the way the demo's labels say a correct detector would: one finding per
 * expected right, an OCOP finding per star claim, risk 1 − Π(1 − score). Of the flagged listings
 * ~7 % are confirmed, ~3 % dismissed and ~5 % assigned, so both branches of the OPEN filter and
 * every status facet have something to count. No {@code contacts}: demo texts carry no phone or
 * bank account numbers.
 */
final class StoredDocuments {
    /** Captures spread over half a year: the date facet then has ~180 day buckets, as a workbench would. */
    static final Instant FIRST_CAPTURE = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration CAPTURE_SPAN = Duration.ofDays(181);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Which extraction source each demo platform's pages give, as the extractor reports it. */
    private static final Map<String, String> SOURCES = Map.of("shopee", "OPENGRAPH", "lazada", "JSON_LD",
            "tiktok", "EMBEDDED_JSON", "facebook", "TEXT", "rao-vat", "MICRODATA", "jsrender", "JSON_LD",
            "private-group", "JSON_LD");
    private static final List<String> ASSIGNEES = List.of("an.nguyen", "binh.tran", "chi.le");

    private final int count;
    private final SplittableRandom random;
    private int index;

    StoredDocuments(long seed, int count) {
        this.count = count;
        this.random = new SplittableRandom(seed ^ 0x5EA2C4L);
    }

    /** The next listing's document; call once per listing, in order. */
    ObjectNode next(BulkListings.Item item) {
        Instant captured = FIRST_CAPTURE.plusMillis(CAPTURE_SPAN.toMillis() * index / count + random.nextInt(60_000));
        index++;
        ObjectNode doc = JSON.createObjectNode();
        String id = Listing.idFor(item.url());
        // the numeric tie-breaker the store derives from the id (first 64 bits, see ListingDocument.idSortOf)
        doc.put("id", id).put("id_sort", Long.parseUnsignedLong(id.substring(0, 16), 16))
                .put("url", item.url()).put("platform", item.platform());
        putText(doc, "title", item.title());
        putText(doc, "description", item.description());
        putDescriptionHash(doc, item.description());
        String source = SOURCES.getOrDefault(item.platform(), "HTML");
        if (item.price() != null) {
            doc.put("price", item.price()).put("currency", "VND");
        }
        ObjectNode seller = doc.putObject("seller");
        putIfSet(seller, "id", item.seller().id());
        if (item.seller().id() != null) {
            doc.put("sellerKey", item.platform() + ":" + item.seller().id()); // as SellerDirectory.keyOf
        }
        putIfSet(seller, "name", item.seller().name());
        putIfSet(seller, "location", item.seller().location());
        putIfSet(seller, "province", item.seller().province());
        if (item.seller().name() != null && !item.seller().name().isBlank()) {
            doc.put("seller_folded", FoldedText.fold(item.seller().name()));
        }
        doc.putArray("imageUrls").add(item.url() + ".jpg");
        doc.put("captureTime", captured.toString())
                .put("contentHash", Listing.sha256Hex((item.url() + captured).getBytes(StandardCharsets.UTF_8)))
                .put("extractionSource", source);
        doc.putObject("fieldSources").put("title", source).put("price", source).put("seller", source);
        doc.putArray("warnings");
        ObjectNode details = doc.putObject("details").put("brand", item.brand());
        details.putArray("imageAlts");
        details.put("language", "vi").put("productGroup", item.productCategory());
        double risk = putFindings(doc.putArray("findings"), item);
        boolean flagged = !doc.get("findings").isEmpty();
        doc.put("risk", risk).put("flagged", flagged).put("firstSeen", captured.toString());
        if (item.price() != null) {
            doc.putArray("priceHistory").addObject().put("price", item.price()).put("currency", "VND")
                    .put("seenAt", captured.toString());
        }
        if (flagged) {
            putReview(doc, doc.get("findings").get(0).get("kind").asText(), captured);
        }
        return doc;
    }

    /** Adds the findings a correct assessment gives; returns the listing's risk (0 without findings). */
    private double putFindings(ArrayNode findings, BulkListings.Item item) {
        double clean = 1.0;
        for (BulkListings.Expected e : item.expected()) {
            boolean trademark = e.kind() == FindingKind.TRADEMARK;
            double score = round(trademark ? 0.55 + 0.4 * random.nextDouble() : 0.5 + 0.4 * random.nextDouble());
            ObjectNode f = findings.addObject().put("detectorId", trademark ? "trademark" : "indication")
                    .put("detectorVersion", "2.0.0").put("kind", e.kind().name()).put("subject", e.subject())
                    .put("score", score);
            f.putArray("reasons").add(trademark
                    ? "brand '" + e.subject() + "' named in the title"
                    : "indication '" + e.subject() + "' used with its product")
                    .add("seller '" + item.seller().name() + "' is " + (trademark
                            ? "not an official store of the brand" : "located outside the registered region"));
            f.putArray("spans");
            clean *= 1 - score;
        }
        if (item.ocopStars() > 0) {
            double score = 0.6;
            ObjectNode f = findings.addObject().put("detectorId", "ocop").put("detectorVersion", "1.0.0")
                    .put("kind", FindingKind.OTHER.name()).put("subject", "ocop:unlisted").put("score", score);
            f.putArray("reasons").add("claims " + item.ocopStars() + " OCOP stars but no product of the OCOP list matches the title");
            f.putArray("spans");
            clean *= 1 - score;
        }
        return findings.isEmpty() ? 0.0 : round(1 - clean);
    }

    private void putReview(ObjectNode doc, String kind, Instant captured) {
        int roll = random.nextInt(100);
        if (roll >= 15) {
            return; // never reviewed: OPEN without a stored status
        }
        ObjectNode review = doc.putObject("review");
        String at = captured.plus(Duration.ofDays(2)).toString();
        if (roll < 7) {
            review.put("status", "CONFIRMED").put("kind", kind).put("reviewer", "analyst");
        } else if (roll < 10) {
            review.put("status", "DISMISSED").put("reason", random.nextBoolean() ? "OFFICIAL_SELLER" : "LAWFUL_DESCRIPTIVE_USE")
                    .put("reviewer", "analyst");
        } else {
            review.put("status", "OPEN").put("assignee", ASSIGNEES.get(random.nextInt(ASSIGNEES.size()))).put("reviewer", "admin");
        }
        review.put("at", at).put("lastReviewId", Long.toHexString(random.nextLong())).put("count", 1);
    }

    /** The text and its folded companion, as the store writes them (left out when blank). */
    private static void putText(ObjectNode doc, String field, String text) {
        if (text != null && !text.isBlank()) {
            doc.put(field, text).put(field + "_folded", FoldedText.fold(text));
        }
    }

    /**
     * What the store keeps to find copied descriptions: the SHA-256 of the folded description with
     * every run of non-alphanumerics made one space, for descriptions of 60 such characters or more.
     */
    private static void putDescriptionHash(ObjectNode doc, String description) {
        String normal = description == null ? "" : FoldedText.fold(description).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (normal.length() >= 60) {
            doc.put("descriptionHash", Listing.sha256Hex(normal.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
