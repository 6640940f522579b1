package org.markguard.evidence.builder;

import java.time.Instant;
import org.markguard.api.EvidenceRequest;

/**
 * The packet-wide facts the reports, packet.json and bag-info print.
 *
 * @param request what was asked
 * @param scope the same in one English line ({@link ListingResolver#describe})
 * @param timestampUrl the time-stamping authority, "" when none
 */
record PacketFacts(String id, String requestedBy, Instant created, String sourceOrganization, EvidenceRequest request,
                   String scope,
                   int listingCount, boolean recapture, String note, String keyFingerprint, String timestampUrl) {
}
