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

    /**
     * Whether this seller is one of the given accounts (official stores, authorised producers),
     * each written as a seller id or a name; compared folded, so case and diacritics do not matter.
     */
    public boolean isOneOf(java.util.Collection<String> idsOrNames) {
        String foldedId = id == null ? "" : FoldedText.fold(id).strip();
        String foldedName = name == null ? "" : FoldedText.fold(name).strip();
        for (String candidate : idsOrNames) {
            String expected = candidate == null ? "" : FoldedText.fold(candidate).strip();
            if (!expected.isEmpty() && (expected.equals(foldedId) || expected.equals(foldedName))) {
                return true;
            }
        }
        return false;
    }
}
