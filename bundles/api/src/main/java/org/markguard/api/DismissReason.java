package org.markguard.api;

/** Why a flag is not an infringement; kept as a label so a later evaluation can learn from it. */
public enum DismissReason {
    /** The seller is the right holder or an authorised distributor. */
    OFFICIAL_SELLER,
    /** The name is used lawfully, e.g. "compatible with", a descriptive or comparative use. */
    LAWFUL_DESCRIPTIVE_USE,
    /** The detector matched a different brand or place than the one the listing is about. */
    WRONG_BRAND,
    /** Anything else; the note says what. */
    OTHER
}
