package org.markguard.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Digests one WARC record block in a single pass: the whole block, and its payload. For an
 * {@code application/http} block the payload is what follows the HTTP header (as stored, and
 * also without chunked framing when the message was chunked); for any other block it is the block.
 */
final class RecordDigester {
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final Pattern CHUNKED =
            Pattern.compile("(?im)^transfer-encoding[ \\t]*:.*\\bchunked\\b");

    private final MessageDigest block;
    private final MessageDigest payload;
    private final MessageDigest dechunkedPayload;
    private final boolean http;
    private ByteArrayOutputStream header;
    private ChunkedDecoder dechunker;
    private int window; // the last four header bytes, to find the blank line
    private boolean headerEnded;

    /**
     * @param block digest of the block, or null
     * @param payload digest of the payload, or null
     * @param dechunkedPayload a second digest of the same algorithm as {@code payload}, or null
     * @param http whether the block is an HTTP message
     */
    RecordDigester(MessageDigest block, MessageDigest payload, MessageDigest dechunkedPayload, boolean http) {
        this.block = block;
        this.payload = payload;
        this.dechunkedPayload = dechunkedPayload;
        this.http = http;
        this.header = http && payload != null ? new ByteArrayOutputStream() : null;
    }

    void update(byte[] bytes, int offset, int length) {
        if (block != null) {
            block.update(bytes, offset, length);
        }
        if (payload == null) {
            return;
        }
        int start = offset;
        int end = offset + length;
        while (header != null && start < end) {
            byte b = bytes[start++];
            header.write(b);
            window = (window << 8) | (b & 0xff);
            if (window == 0x0d0a0d0a || (window & 0xffff) == 0x0a0a) {
                endOfHeader();
            } else if (header.size() > MAX_HEADER_BYTES) {
                header = null; // no header end: headerComplete() stays false
                return;
            }
        }
        if (header == null && headerComplete()) {
            payload.update(bytes, start, end - start);
            if (dechunker != null) {
                dechunker.update(bytes, start, end - start);
            }
        }
    }

    private void endOfHeader() {
        String text = header.toString(StandardCharsets.ISO_8859_1);
        header = null;
        headerEnded = true;
        if (dechunkedPayload != null && CHUNKED.matcher(text).find()) {
            dechunker = new ChunkedDecoder(dechunkedPayload);
        }
    }

    /** False for an HTTP block whose header never ended (its payload cannot be told apart). */
    boolean headerComplete() {
        return !http || headerEnded;
    }

    byte[] blockDigest() {
        return block.digest();
    }

    /** Whether the payload matches {@code declared}, as stored or with its chunked framing removed. */
    boolean payloadMatches(WarcDigestValue declared) {
        if (!headerComplete()) {
            return false;
        }
        if (declared.matches(payload.digest())) {
            return true;
        }
        return dechunker != null && dechunker.complete() && declared.matches(dechunkedPayload.digest());
    }
}
