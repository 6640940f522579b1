package org.markguard.evidence;

import java.io.IOException;

/** A time-stamping authority (RFC 3161); {@link TimeStampClient} asks one over HTTP. */
public interface TimeStamper {

    /**
     * Has the authority time-stamp a SHA-256 digest (only the digest leaves the server).
     *
     * @param sha256 the 32-byte SHA-256 of the data to time-stamp
     * @return the DER-encoded TimeStampResp, already checked: status granted, the imprint is
     *     {@code sha256}, the token's signature verifies with the certificate it carries
     * @throws IOException when no valid token could be had, saying why
     */
    byte[] timeStamp(byte[] sha256) throws IOException;
}
