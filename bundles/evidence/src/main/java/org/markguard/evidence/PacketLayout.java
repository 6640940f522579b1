package org.markguard.evidence;

import java.util.List;

/** The names of the files of an evidence packet, relative to the bag's top folder. */
public final class PacketLayout {
    public static final String BAGIT = "bagit.txt";
    public static final String BAG_INFO = "bag-info.txt";
    public static final String MANIFEST_SHA256 = "manifest-sha256.txt";
    public static final String MANIFEST_SHA512 = "manifest-sha512.txt";
    public static final String TAG_MANIFEST_SHA256 = "tagmanifest-sha256.txt";
    public static final String TAG_MANIFEST_SHA512 = "tagmanifest-sha512.txt";
    /** The signing server's Ed25519 public key, PEM (X.509 SubjectPublicKeyInfo). */
    public static final String PUBLIC_KEY = "markguard-evidence-key.pub";
    /**
     * Detached Ed25519 signature over the exact bytes of {@link #TAG_MANIFEST_SHA512}, base64. Not
     * named {@code tagmanifest-sha512.txt.sig}: bagit-java (5.2.0) takes every top-level file whose
     * name starts with {@code tagmanifest-} for a tag manifest and fails on such a bag.
     */
    public static final String SIGNATURE = "markguard-evidence.sig";
    /** Optional RFC 3161 TimeStampResp (DER) over the SHA-256 of {@link #TAG_MANIFEST_SHA512}. */
    public static final String TIME_STAMP = "markguard-evidence.tsr";
    /** The payload folder; payload paths given to {@link PacketWriter} are relative to it. */
    public static final String PAYLOAD_DIRECTORY = "data/";

    /** Tag files every packet has and both tag manifests list. */
    public static final List<String> SIGNED_TAG_FILES =
            List.of(BAGIT, BAG_INFO, MANIFEST_SHA256, MANIFEST_SHA512, PUBLIC_KEY);

    /** The digest algorithms (BagIt names) of every packet's manifests and tag manifests. */
    public static final List<String> ALGORITHMS = List.of("sha256", "sha512");

    private PacketLayout() {
    }
}
