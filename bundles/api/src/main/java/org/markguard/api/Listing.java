package org.markguard.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A product offer as extracted from one page. Text fields are NFC-normalised by the extractor.
 *
 * @param id hex SHA-256 of the canonical URL: a re-crawl updates the listing, never duplicates it
 * @param url the canonical URL
 * @param platform platform key of the source (shopee, lazada, tiktok, facebook, …)
 * @param title product title, may be null
 * @param description product description as plain text, may be null
 * @param price the (lowest) price asked, may be null
 * @param currency ISO 4217 code, may be null
 * @param seller who offers it, never null ({@link Seller#UNKNOWN} when unknown)
 * @param imageUrls absolute image URLs
 * @param captureTime when the page was fetched
 * @param contentHash hex SHA-256 of the bytes received
 * @param extractionSource the most trusted source that contributed: JSON_LD, MICRODATA, OPENGRAPH,
 *     EMBEDDED_JSON, HTML or TEXT (the values of {@code fieldSources} too)
 * @param fieldSources for each extracted field, the source it came from
 * @param warnings extraction problems; a listing with warnings is still indexed
 * @param details brand, SKU, availability and the other product facts, never null
 * @param captureRef where the raw capture (WARC record) of the page is kept, null when none
 */
public record Listing(String id, String url, String platform, String title, String description,
                      BigDecimal price, String currency, Seller seller, List<String> imageUrls,
                      Instant captureTime, String contentHash, String extractionSource,
                      Map<String, String> fieldSources, List<String> warnings, ProductDetails details,
                      String captureRef) {

    /** A listing without product details or capture (the walking-skeleton shape). */
    public Listing(String id, String url, String platform, String title, String description,
                   BigDecimal price, String currency, Seller seller, List<String> imageUrls,
                   Instant captureTime, String contentHash, String extractionSource,
                   Map<String, String> fieldSources, List<String> warnings) {
        this(id, url, platform, title, description, price, currency, seller, imageUrls, captureTime, contentHash,
                extractionSource, fieldSources, warnings, ProductDetails.NONE, null);
    }

    public Listing {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a listing needs a url");
        }
        if (id == null) {
            id = idFor(url);
        }
        seller = seller == null ? Seller.UNKNOWN : seller;
        imageUrls = List.copyOf(imageUrls == null ? List.of() : imageUrls);
        fieldSources = Map.copyOf(fieldSources == null ? Map.of() : fieldSources);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        details = details == null ? ProductDetails.NONE : details;
    }

    /** The same listing with another capture reference (set by the crawler once the WARC is written). */
    public Listing withCaptureRef(String ref) {
        return new Listing(id, url, platform, title, description, price, currency, seller, imageUrls, captureTime,
                contentHash, extractionSource, fieldSources, warnings, details, ref);
    }

    /** The same listing with other details (the extractor sets the product group last). */
    public Listing withDetails(ProductDetails newDetails) {
        return new Listing(id, url, platform, title, description, price, currency, seller, imageUrls, captureTime,
                contentHash, extractionSource, fieldSources, warnings, newDetails, captureRef);
    }

    /** The listing id for a canonical URL: lowercase hex SHA-256 of its UTF-8 bytes. */
    public static String idFor(String canonicalUrl) {
        return sha256Hex(canonicalUrl.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex SHA-256, the hash used for ids and content hashes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
