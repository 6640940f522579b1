package org.markguard.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Digest algorithms by their BagIt names ({@code manifest-<name>.txt}), and one-pass hashing. */
final class Digests {
    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    /** The JCA name of a BagIt algorithm name, empty when this verifier cannot compute it. */
    static Optional<String> jcaName(String bagitName) {
        return switch (bagitName.toLowerCase(Locale.ROOT)) {
            case "md5" -> Optional.of("MD5");
            case "sha1" -> Optional.of("SHA-1");
            case "sha224" -> Optional.of("SHA-224");
            case "sha256" -> Optional.of("SHA-256");
            case "sha384" -> Optional.of("SHA-384");
            case "sha512" -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    static MessageDigest create(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    static MessageDigest forBagit(String bagitName) {
        return create(jcaName(bagitName).orElseThrow(() -> new IllegalArgumentException("unsupported: " + bagitName)));
    }

    static byte[] sha256(byte[] bytes) {
        return create("SHA-256").digest(bytes);
    }

    static byte[] sha512(byte[] bytes) {
        return create("SHA-512").digest(bytes);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Size and lower-case hex digests of a stream, every algorithm computed in the same single pass. */
    record Result(long size, Map<String, String> hexByAlgorithm) {
    }

    static Result digest(InputStream in, Collection<String> bagitAlgorithms) throws IOException {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        for (String algorithm : bagitAlgorithms) {
            digests.put(algorithm, forBagit(algorithm));
        }
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            size += n;
            for (MessageDigest digest : digests.values()) {
                digest.update(buffer, 0, n);
            }
        }
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((algorithm, digest) -> hex.put(algorithm, hex(digest.digest())));
        return new Result(size, hex);
    }
}
