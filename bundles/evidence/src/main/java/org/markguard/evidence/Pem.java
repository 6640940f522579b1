package org.markguard.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM (RFC 7468) text for one DER object. */
final class Pem {
    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The DER inside the first {@code label} block of {@code text}.
     *
     * @throws IllegalArgumentException when there is no such block or its base64 is broken
     */
    static byte[] decode(String label, String text) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from + begin.length());
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no " + begin + " ... " + end + " block");
        }
        String body = text.substring(from + begin.length(), to).replaceAll("[\\s]", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + label + " block is not valid base64: " + e.getMessage(), e);
        }
    }
}
