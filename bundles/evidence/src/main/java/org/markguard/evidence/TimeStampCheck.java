package org.markguard.evidence;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The optional RFC 3161 token: it time-stamps the SHA-256 of {@code tagmanifest-sha512.txt} and
 * its signature verifies with the signer certificate it carries. That proves the tag manifest (and
 * so, through its checksums, the whole packet) existed at the token's time, as far as one trusts
 * that authority: with trust anchors given, the signer certificate must be issued by one of them.
 */
final class TimeStampCheck {
    private TimeStampCheck() {
    }

    static void run(BagSource bag, List<X509Certificate> anchors, ReportBuilder.Recorder check) {
        if (!bag.exists(PacketLayout.TIME_STAMP)) {
            check.skip("no time-stamp token in the packet");
            return;
        }
        TimeStampTokens.Stamp stamp;
        try {
            byte[] token = bag.read(PacketLayout.TIME_STAMP);
            byte[] stamped = bag.read(PacketLayout.TAG_MANIFEST_SHA512);
            stamp = TimeStampTokens.validate(token, Digests.sha256(stamped));
        } catch (IOException | RuntimeException e) {
            check.problem(PacketLayout.TIME_STAMP, String.valueOf(e.getMessage()));
            return;
        }
        String detail = "TSA " + stamp.tsaName() + ", time " + stamp.genTime() + ", serial " + stamp.serialNumber()
                + ", policy " + stamp.policy();
        if (anchors.isEmpty()) {
            check.detail(detail + " (the TSA certificate was not checked against a trusted CA)");
            return;
        }
        check.detail(detail);
        try {
            if (TsaCertificates.checkChain(stamp, anchors)) {
                check.detail(detail + ", TSA certificate issued by a trusted CA");
            } else {
                check.problem(PacketLayout.TIME_STAMP, "the TSA certificate " + stamp.signer().getSubject()
                        + " (issuer " + stamp.signer().getIssuer() + ") does not chain to any trusted CA given");
            }
        } catch (IOException | RuntimeException e) { // BouncyCastle parses names lazily
            check.problem(PacketLayout.TIME_STAMP, String.valueOf(e.getMessage()));
        }
    }
}
