package org.markguard.detect.trademark;

import java.util.ArrayList;
import java.util.List;
import org.markguard.api.Brand;
import org.markguard.api.EvidenceSpan;
import org.markguard.api.Seller;

/** Whether the seller is one of the brand's official sellers, compared folded by id and by name. */
final class SellerCheck {
    private SellerCheck() {
    }

    static boolean isOfficial(Brand brand, Seller seller) {
        return seller.isOneOf(brand.officialSellers());
    }

    /** The reason a non-official seller is part of the finding, with the seller's name as evidence. */
    static Signal notOfficial(Brand brand, Seller seller) {
        String brandName = TrademarkEvidence.displayName(brand);
        List<EvidenceSpan> spans = new ArrayList<>();
        if (seller.name() != null && !seller.name().isEmpty()) {
            spans.add(new EvidenceSpan("seller.name", 0, seller.name().length(), seller.name()));
        } else if (seller.id() != null && !seller.id().isEmpty()) {
            spans.add(new EvidenceSpan("seller.id", 0, seller.id().length(), seller.id()));
        }
        String who = label(seller);
        String reason = who == null
                ? "the seller is unknown, so not a known official seller of " + brandName
                : "seller " + who + " is not an official seller of " + brandName;
        return new Signal(reason, 0.0, spans);
    }

    /** "'shop-abc'", "'Shop ABC' (shop-abc)", or null when the seller is unknown. */
    static String label(Seller seller) {
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
