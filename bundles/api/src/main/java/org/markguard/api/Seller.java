package org.markguard.api;

/**
 * The account that offers a listing.
 *
 * @param id the platform's seller id or handle (stable across listings), may be null when unknown
 * @param name the display name
 * @param location where the seller says it is, as written (province or city), may be null
 * @param province the 2025 province that location lies in ("TP.HCM" → "Hồ Chí Minh", a former
 *     province → the province it merged into), null when unknown
 */
public record Seller(String id, String name, String location, String province) {
    public static final Seller UNKNOWN = new Seller(null, null, null, null);

    /** A seller whose province is not (yet) known. */
    public Seller(String id, String name, String location) {
        this(id, name, location, null);
    }
}
