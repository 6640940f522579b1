package org.markguard.evidence;

import java.io.IOException;

/** Signs packets: the server's long-lived Ed25519 key ({@link EvidenceKeys}) or anything holding one. */
public interface EvidenceSigner {

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    String publicKeyPem();

    /** A raw 64-byte Ed25519 signature over {@code data}. */
    byte[] sign(byte[] data) throws IOException;
}
