package org.markguard.evidence;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * A {@code WARC-Block-Digest} or {@code WARC-Payload-Digest} value, {@code algorithm:value}. Tools
 * write the value in different encodings: base32 (the WARC convention for sha1, with or without
 * '=' padding), hex (markguard's sha256, many others), base64 and base64url; any of them matches.
 */
final class WarcDigestValue {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final String header;
    private final String jcaName;
    private final String value;

    private WarcDigestValue(String header, String jcaName, String value) {
        this.header = header;
        this.jcaName = jcaName;
        this.value = value;
    }

    /** @throws IllegalArgumentException when the value has no algorithm or one this verifier lacks */
    static WarcDigestValue parse(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0 || colon == header.length() - 1) {
            throw new IllegalArgumentException("not \"algorithm:value\"");
        }
        String algorithm = header.substring(0, colon).strip().toLowerCase(Locale.ROOT).replace("-", "");
        String jcaName = Digests.jcaName(algorithm)
                .orElseThrow(() -> new IllegalArgumentException("unsupported algorithm " + algorithm));
        return new WarcDigestValue(header, jcaName, header.substring(colon + 1).strip());
    }

    MessageDigest newDigest() {
        return Digests.create(jcaName);
    }

    boolean matches(byte[] actual) {
        String unpadded = value.replace("=", "");
        return Digests.hex(actual).equalsIgnoreCase(value)
                || base32(actual).equalsIgnoreCase(unpadded)
                || Base64.getEncoder().withoutPadding().encodeToString(actual).equals(unpadded)
                || Base64.getUrlEncoder().withoutPadding().encodeToString(actual).equals(unpadded);
    }

    /** The declared value as written, e.g. {@code sha256:3f2a...}. */
    @Override
    public String toString() {
        return header;
    }

    /** RFC 4648 base32 without padding. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
