package org.markguard.capture;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * One WARC file being appended to. Appends are serialised by the caller; {@link #syncTo} is a group
 * commit: a thread whose bytes were already made durable by another thread's fsync returns at
 * once, so several crawler threads share one fsync instead of queueing for one each.
 */
final class WarcFile implements Closeable {
    private final String name;
    private final FileChannel channel;
    private final Object syncLock = new Object();
    private volatile long written;
    private long synced; // guarded by syncLock

    private WarcFile(String name, FileChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    /** Creates a new file (never reuses one: evidence files are not appended to after a restart). */
    static WarcFile create(Path directory, String name, Map<String, List<String>> warcinfoFields)
            throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(name),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WarcFile file = new WarcFile(name, channel);
        Warcinfo info = new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(Instant.now()).filename(name).fields(warcinfoFields).build();
        file.append(gzip(info));
        file.syncTo(file.written);
        return file;
    }

    /** One record compressed as its own gzip member, done outside any lock so threads compress in parallel. */
    static byte[] gzip(WarcRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            writer.write(record);
        }
        return out.toByteArray();
    }

    String name() {
        return name;
    }

    /** Bytes written so far. */
    long size() {
        return written;
    }

    /**
     * Appends already compressed records; the caller serialises calls.
     *
     * @return the offset at which the first one starts
     */
    long append(byte[]... compressedRecords) throws IOException {
        long offset = written;
        long position = offset;
        for (byte[] record : compressedRecords) {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        }
        written = position;
        return offset;
    }

    /** Returns once every byte up to {@code position} is on stable storage. */
    void syncTo(long position) throws IOException {
        synchronized (syncLock) {
            if (synced >= position) {
                return;
            }
            long target = written; // covers every append finished so far, not only ours
            channel.force(false);
            synced = target;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (syncLock) {
            if (channel.isOpen()) {
                channel.force(false);
                synced = written;
                channel.close();
            }
        }
    }
}
