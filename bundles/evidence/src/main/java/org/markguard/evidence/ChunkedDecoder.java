package org.markguard.evidence;

import java.security.MessageDigest;

/**
 * Removes HTTP/1.1 chunked framing from a stream as it passes, feeding the decoded bytes to a
 * digest. Needed because WARC writers disagree about a chunked response's payload digest: some
 * (warcio) digest the body as transferred, others (jwarc) the body with the framing removed.
 */
final class ChunkedDecoder {
    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, DONE, FAILED }

    private final MessageDigest decoded;
    private State state = State.SIZE;
    private long remaining;
    private boolean sawDigit;

    ChunkedDecoder(MessageDigest decoded) {
        this.decoded = decoded;
    }

    void update(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end && state != State.DONE && state != State.FAILED; i++) {
            byte b = bytes[i];
            switch (state) {
                case SIZE -> size(b);
                case EXTENSION -> {
                    if (b == '\r') {
                        state = State.SIZE_LF;
                    } else if (b == '\n') {
                        endOfSizeLine();
                    }
                }
                case SIZE_LF -> {
                    if (b == '\n') {
                        endOfSizeLine();
                    } else {
                        state = State.FAILED;
                    }
                }
                case DATA -> {
                    int n = (int) Math.min(remaining, end - i);
                    decoded.update(bytes, i, n);
                    remaining -= n;
                    i += n - 1;
                    if (remaining == 0) {
                        state = State.DATA_CR;
                    }
                }
                case DATA_CR -> state = b == '\r' ? State.DATA_LF : b == '\n' ? nextChunk() : State.FAILED;
                case DATA_LF -> state = b == '\n' ? nextChunk() : State.FAILED;
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /** True when the last (zero-size) chunk was reached; trailers after it are ignored. */
    boolean complete() {
        return state == State.DONE;
    }

    private void size(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (remaining > (Long.MAX_VALUE >> 4)) {
                state = State.FAILED;
                return;
            }
            remaining = remaining * 16 + digit;
            sawDigit = true;
        } else if (sawDigit && (b == ';' || b == ' ' || b == '\t')) {
            state = State.EXTENSION;
        } else if (b == '\r') {
            state = State.SIZE_LF;
        } else if (b == '\n') {
            endOfSizeLine();
        } else {
            state = State.FAILED;
        }
    }

    private void endOfSizeLine() {
        state = !sawDigit ? State.FAILED : remaining == 0 ? State.DONE : State.DATA;
    }

    private State nextChunk() {
        sawDigit = false;
        remaining = 0;
        return State.SIZE;
    }
}
