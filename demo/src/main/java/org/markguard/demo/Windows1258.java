package org.markguard.demo;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Encodes Vietnamese in windows-1258, the legacy Windows code page. It has the letters with
 * vowel marks (ă â ê ô ơ ư đ) but writes the five tones as combining marks, so "ệ" becomes
 * "ê" + U+0323. The JDK encoder does not decompose by itself, so this does it first.
 */
final class Windows1258 {
    static final Charset CHARSET = Charset.forName("windows-1258");

    private Windows1258() {
    }

    static byte[] encode(String text) {
        CharsetEncoder encoder = CHARSET.newEncoder();
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        int i = 0;
        while (i < nfd.length()) {
            // a base letter and the combining marks after it
            int end = i + 1;
            while (end < nfd.length() && Character.getType(nfd.charAt(end)) == Character.NON_SPACING_MARK) {
                end++;
            }
            String base = nfd.substring(i, i + 1);
            StringBuilder leftover = new StringBuilder();
            for (int m = i + 1; m < end; m++) {
                String composed = Normalizer.normalize(base + nfd.charAt(m), Normalizer.Form.NFC);
                if (composed.length() == 1 && encoder.canEncode(composed)) {
                    base = composed; // ê, ơ, ă … exist precomposed
                } else {
                    leftover.append(nfd.charAt(m)); // tones stay combining
                }
            }
            out.append(base).append(leftover);
            i = end;
        }
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(out));
            byte[] result = new byte[bytes.remaining()];
            bytes.get(result);
            return result;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not encodable in windows-1258: " + text, e);
        }
    }
}
