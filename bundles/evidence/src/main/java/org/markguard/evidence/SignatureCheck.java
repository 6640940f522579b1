package org.markguard.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The Ed25519 signature over {@code tagmanifest-sha512.txt} under the key the packet carries, and,
 * when the verifier was given one, that the packet's key is the expected key. The carried key alone
 * proves only that the packet is intact since it was signed; the expected key (or the fingerprint,
 * compared with the one the server shows) proves who signed it.
 */
final class SignatureCheck {
    private static final int SIGNATURE_BYTES = 64;

    private SignatureCheck() {
    }

    static void run(BagSource bag, boolean required, PublicKey expected, ReportBuilder.Recorder signature,
                    ReportBuilder.Recorder expectedKey) {
        boolean hasKey = bag.exists(PacketLayout.PUBLIC_KEY);
        boolean hasSignature = bag.exists(PacketLayout.SIGNATURE);
        if (!required && !hasKey && !hasSignature) {
            signature.skip("no markguard signature: a plain bag");
            if (expected != null) {
                expectedKey.problem(PacketLayout.PUBLIC_KEY, "missing: the bag is not signed, so not by the expected key");
            } else {
                expectedKey.skip("no expected key given");
            }
            return;
        }
        Optional<PublicKey> key = readKey(bag, signature);
        Optional<byte[]> signatureBytes = readSignature(bag, signature);
        byte[] signed = readSigned(bag, signature);
        if (key.isPresent() && signatureBytes.isPresent() && signed != null) {
            if (verifies(key.get(), signed, signatureBytes.get())) {
                signature.detail("Ed25519 over " + PacketLayout.TAG_MANIFEST_SHA512 + ", key "
                        + EvidenceKeys.fingerprint(key.get()));
            } else {
                signature.problem(PacketLayout.SIGNATURE, "does not verify: " + PacketLayout.TAG_MANIFEST_SHA512
                        + " is not what the key in " + PacketLayout.PUBLIC_KEY + " signed");
            }
        }
        if (expected == null) {
            expectedKey.skip("none given; compare the key fingerprint with the one the server shows");
        } else if (key.isEmpty()) {
            expectedKey.problem(PacketLayout.PUBLIC_KEY, "cannot be compared with the expected key: unreadable");
        } else if (Arrays.equals(key.get().getEncoded(), expected.getEncoded())) {
            expectedKey.detail("the packet's key is the expected key " + EvidenceKeys.fingerprint(expected));
        } else {
            expectedKey.problem(PacketLayout.PUBLIC_KEY, "is not the expected key: the packet carries "
                    + EvidenceKeys.fingerprint(key.get()) + ", expected " + EvidenceKeys.fingerprint(expected));
        }
    }

    private static Optional<PublicKey> readKey(BagSource bag, ReportBuilder.Recorder check) {
        if (!bag.exists(PacketLayout.PUBLIC_KEY)) {
            check.problem(PacketLayout.PUBLIC_KEY, "missing: the signature cannot be checked");
            return Optional.empty();
        }
        try {
            Optional<String> pem = TagFiles.decode(bag.read(PacketLayout.PUBLIC_KEY), StandardCharsets.US_ASCII);
            if (pem.isEmpty()) {
                check.problem(PacketLayout.PUBLIC_KEY, "is not ASCII PEM text");
                return Optional.empty();
            }
            return Optional.of(EvidenceKeys.parsePublicKey(pem.get()));
        } catch (IOException | IllegalArgumentException e) {
            check.problem(PacketLayout.PUBLIC_KEY, "is not an Ed25519 public key PEM: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<byte[]> readSignature(BagSource bag, ReportBuilder.Recorder check) {
        if (!bag.exists(PacketLayout.SIGNATURE)) {
            check.problem(PacketLayout.SIGNATURE, "missing: the packet is not signed");
            return Optional.empty();
        }
        try {
            // one canonical form only (the file is not covered by any manifest): base64 of the 64
            // bytes, then at most one line break; anything else would let a change go unnoticed
            String text = TagFiles.decode(bag.read(PacketLayout.SIGNATURE), StandardCharsets.US_ASCII)
                    .orElseThrow(() -> new IllegalArgumentException("not ASCII"));
            String base64 = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            byte[] bytes = Base64.getDecoder().decode(base64);
            if (bytes.length != SIGNATURE_BYTES) {
                check.problem(PacketLayout.SIGNATURE, "holds " + bytes.length + " bytes; an Ed25519 signature has 64");
                return Optional.empty();
            }
            if (!Base64.getEncoder().encodeToString(bytes).equals(base64)) {
                check.problem(PacketLayout.SIGNATURE, "is not in canonical base64");
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IOException | IllegalArgumentException e) {
            check.problem(PacketLayout.SIGNATURE, "is not one line of base64: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static byte[] readSigned(BagSource bag, ReportBuilder.Recorder check) {
        try {
            return bag.read(PacketLayout.TAG_MANIFEST_SHA512);
        } catch (IOException e) {
            check.problem(PacketLayout.TAG_MANIFEST_SHA512, "cannot be read, so the signature cannot be checked: "
                    + e.getMessage());
            return null;
        }
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a wrong signature
        }
    }
}
