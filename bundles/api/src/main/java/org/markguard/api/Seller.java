package org.markguard.api;

/**
 * The account that offers a listing.
 *
 * @param id the platform's seller id or handle (stable across listings), may be null when unknown
 * @param name the display name
 * @param location where the seller says it is, as written (province or city), may be null
 */
public record Seller(String id, String name, String location) {
    public static final Seller UNKNOWN = new Seller(null, null, null);
}
