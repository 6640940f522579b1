package org.markguard.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds where one gzip member of a {@code .warc.gz} file ends, by parsing its header and inflating
 * its deflate stream (RFC 1952), so that records can be copied byte for byte without their length
 * having been stored anywhere.
 */
final class GzipMembers {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int TRAILER = 8;

    private GzipMembers() {
    }

    /** The length in bytes of the gzip member starting at {@code offset}. */
    static long length(FileChannel channel, long offset) throws IOException {
        long pos = offset;
        byte[] header = read(channel, pos, 10);
        if ((header[0] & 0xff) != 0x1f || (header[1] & 0xff) != 0x8b || header[2] != 8) {
            throw new IOException("no gzip member at offset " + offset);
        }
        int flags = header[3] & 0xff;
        pos += 10;
        if ((flags & FEXTRA) != 0) {
            byte[] xlen = read(channel, pos, 2);
            pos += 2 + ((xlen[0] & 0xff) | (xlen[1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            pos = afterZero(channel, pos);
        }
        if ((flags & FCOMMENT) != 0) {
            pos = afterZero(channel, pos);
        }
        if ((flags & FHCRC) != 0) {
            pos += 2;
        }
        Inflater inflater = new Inflater(true);
        try {
            byte[] out = new byte[64 * 1024];
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            long fed = pos;
            while (!inflater.finished()) {
                if (inflater.needsInput()) {
                    in.clear();
                    int n = channel.read(in, fed);
                    if (n <= 0) {
                        throw new IOException("gzip member at offset " + offset + " is truncated");
                    }
                    fed += n;
                    inflater.setInput(in.array(), 0, n);
                }
                inflater.inflate(out);
                if (inflater.needsDictionary()) {
                    throw new IOException("gzip member at offset " + offset + " is not a plain deflate stream");
                }
            }
            long deflateEnd = fed - inflater.getRemaining();
            return deflateEnd + TRAILER - offset;
        } catch (DataFormatException e) {
            throw new IOException("gzip member at offset " + offset + " is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static long afterZero(FileChannel channel, long pos) throws IOException {
        while (read(channel, pos, 1)[0] != 0) {
            pos++;
        }
        return pos + 1;
    }

    private static byte[] read(FileChannel channel, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (channel.read(b, pos + b.position()) < 0) {
                throw new IOException("unexpected end of file at " + (pos + b.position()));
            }
        }
        return b.array();
    }

    /** Copies {@code length} bytes from {@code offset} to {@code out}. */
    static void copy(FileChannel channel, long offset, long length, java.io.OutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        long done = 0;
        while (done < length) {
            b.clear();
            b.limit((int) Math.min(b.capacity(), length - done));
            int n = channel.read(b, offset + done);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + (offset + done));
            }
            out.write(b.array(), 0, n);
            done += n;
        }
    }
}
