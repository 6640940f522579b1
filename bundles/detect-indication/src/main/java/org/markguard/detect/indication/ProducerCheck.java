package org.markguard.detect.indication;

import org.markguard.api.Indication;
import org.markguard.api.Seller;

/** Whether the seller is one of the indication's authorised producers, compared folded by id and name. */
final class ProducerCheck {
    private ProducerCheck() {
    }

    static boolean isAuthorised(Indication indication, Seller seller) {
        return seller.isOneOf(indication.authorizedProducers());
    }

    /** "seller 'shop-abc' is not an authorised producer (registration GI 00001 (2001))". */
    static String reason(Indication indication, Seller seller) {
        String who = label(seller);
        StringBuilder reason = new StringBuilder(who == null ? "the seller is unknown, so not a known authorised"
                + " producer" : "seller " + who + " is not an authorised producer");
        if (indication.registration() != null && !indication.registration().isBlank()) {
            reason.append(" (registration ").append(indication.registration().strip()).append(')');
        }
        if (indication.authorizedProducers().isEmpty()) {
            reason.append("; note: the registry lists no authorised producers for it yet");
        }
        return reason.toString();
    }

    /** "'shop-abc'", "'Shop ABC' (shop-abc)", or null when the seller is unknown. */
    private static String label(Seller seller) {
        boolean hasId = seller.id() != null && !seller.id().isBlank();
        boolean hasName = seller.name() != null && !seller.name().isBlank();
        if (hasName && hasId && !seller.name().strip().equals(seller.id().strip())) {
            return "'" + seller.name().strip() + "' (" + seller.id().strip() + ")";
        }
        if (hasName || hasId) {
            return "'" + (hasName ? seller.name() : seller.id()).strip() + "'";
        }
        return null;
    }

}
