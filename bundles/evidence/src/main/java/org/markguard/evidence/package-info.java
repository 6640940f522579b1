/**
 * Evidence packets: what markguard hands to an enforcement unit or a court, and how anyone checks
 * one without the server.
 *
 * <h2>The format</h2>
 *
 * <p>A packet is a zip holding one BagIt 1.0 bag (RFC 8493) in a folder named after the packet id:
 *
 * <pre>
 * &lt;id&gt;/bagit.txt                    "BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"
 * &lt;id&gt;/bag-info.txt                 Source-Organization, Bagging-Date (UTC, YYYY-MM-DD),
 *                                  External-Identifier (= &lt;id&gt;), Bag-Software-Agent, Payload-Oxum,
 *                                  then the fields the caller supplied
 * &lt;id&gt;/manifest-sha256.txt          one line per payload file: hex checksum, two spaces, path
 * &lt;id&gt;/manifest-sha512.txt
 * &lt;id&gt;/markguard-evidence-key.pub   the server's Ed25519 public key, PEM (X.509 SubjectPublicKeyInfo)
 * &lt;id&gt;/tagmanifest-sha256.txt       checksums of the five files above
 * &lt;id&gt;/tagmanifest-sha512.txt
 * &lt;id&gt;/markguard-evidence.sig       Ed25519 signature over the exact bytes of tagmanifest-sha512.txt:
 *                                  the raw 64 bytes, base64, one line
 * &lt;id&gt;/markguard-evidence.tsr       optional: RFC 3161 TimeStampResp (DER) whose message imprint is
 *                                  the SHA-256 of tagmanifest-sha512.txt
 * &lt;id&gt;/data/...                     the payload: WARC captures, screenshots, listing JSON, any paths
 * </pre>
 *
 * <p>The signature and the token are not called {@code tagmanifest-sha512.txt.sig}/{@code .tsr}:
 * bagit-java 5.2.0 (the Library of Congress' Java implementation, also behind its Bagger tool)
 * reads every top-level file whose name starts with {@code tagmanifest-} as a tag manifest and
 * fails on the bag.
 *
 * <p>Text files are UTF-8 with LF line ends. Manifest paths are '/'-separated, relative to the bag's
 * folder (so they start with {@code data/}); as RFC 8493 §2.1.3 requires, CR, LF and '%' in a path
 * are written %0D, %0A and %25 (the writer refuses control characters in paths, so in practice only
 * '%' is ever encoded). Payload paths never contain '..' or '.' segments, empty segments, a
 * backslash, a leading '/' or drive letter, and no two differ only by case or Unicode normalisation.
 *
 * <h2>What proves what</h2>
 *
 * <p>The chain is: signature → tagmanifest-sha512.txt → the tag files (among them the manifests
 * and the key) → every payload file. The signature and the token are made over
 * tagmanifest-sha512.txt, so they cannot be listed in it (nor in tagmanifest-sha256.txt, which is
 * written at the same time and checked like any tag manifest but not signed); every other tag
 * file must be listed in tagmanifest-sha512.txt, or the verifier reports it as not covered by the
 * signature. The key inside the packet proves integrity since signing; that the signer is the
 * expected server is proven by comparing that key with one obtained separately
 * ({@code --key}, or its SHA-256 fingerprint, which the verifier prints). The time-stamp token, when
 * present, proves that tagmanifest-sha512.txt (hence the whole packet) existed at its time, as far
 * as the time-stamping authority is trusted ({@code --tsa-ca}).
 *
 * <p>The time-stamp token is accepted only with status granted (not grantedWithMods: the status
 * is outside the token's signature), and its certificates must be intact DER; the token's own
 * signature covers its TSTInfo and, through the signing-certificate attribute, the TSA
 * certificate.
 *
 * <h2>Verification</h2>
 *
 * <p>{@link org.markguard.evidence.PacketVerifier#forEvidencePackets()} requires all of the
 * above; {@link org.markguard.evidence.PacketVerifier#forBags()} ({@code --bag}) checks any BagIt
 * bag (0.93 to 1.0: other algorithms, encodings, {@code fetch.txt}) and the markguard files only
 * when present. {@link org.markguard.evidence.PacketVerifier} (and {@code java -jar
 * markguard-evidence-&lt;version&gt;-verifier.jar}) checks: the bagit.txt declaration; bag-info.txt
 * and its Payload-Oxum; that every manifest line's file exists and has that SHA-256 and SHA-512;
 * that every payload file is listed in every payload manifest; the tag manifests; the signature
 * and, when given, the expected key; the time-stamp token (imprint, signature with the
 * certificate it carries, and when given a trusted CA); and every {@code .warc}/{@code .warc.gz}
 * under data/: each record's WARC-Block-Digest and WARC-Payload-Digest recomputed (sha1, sha256 or
 * sha512; hex, base32 or base64 values). Every problem names the file, and for WARC files the
 * record, that is wrong. Exit status 0 when every check holds, 1 when one fails, 2 for a usage
 * error or a file that cannot be opened.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.markguard.evidence;
