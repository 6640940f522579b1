package org.markguard.index.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every listing write, on disk before it is acknowledged, until the writer has put it into
 * Elasticsearch. Writes are appended as JSON lines to the active segment
 * ({@code segment-<n>.jsonl}); each append returns only once fsynced, and threads appending at the
 * same time share one fsync (group commit). The writer seals the active segment, writes its
 * operations in order and deletes it; for a segment too big for one bulk request it records how
 * many operations are done in {@code segment-<n>.done}, so a crash repeats none of them. Segments
 * left by an earlier run (and the single {@code pending.jsonl} of older versions) are written
 * first, oldest first. A torn last line (a crash mid-append, never acknowledged) is skipped.
 *
 * <p>Appends are thread-safe; sealing, reading and dropping are for the one writer thread.
 */
final class DurableSpool implements AutoCloseable {
    static final String STORE = "store";
    static final String GONE = "gone";
    private static final String LEGACY_FILE = "pending.jsonl";
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d+)\\.jsonl");

    private final Path directory;
    private final ObjectMapper json;
    private final AtomicLong pending = new AtomicLong();
    private final Object appendLock = new Object();
    private final TreeSet<Long> segments = new TreeSet<>(); // guarded by appendLock: every segment on disk
    private Segment active; // guarded by appendLock: the one being appended to, null until the next append
    private long lastNumber = -1; // guarded by appendLock: highest segment number handed out
    private boolean closed; // guarded by appendLock

    /** Operations of one sealed segment, with how many of them were already written. */
    record Sealed(long number, List<JsonNode> ops, int done) {
    }

    DurableSpool(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
        try {
            Files.createDirectories(directory);
            adoptLegacyFile();
            try (var files = Files.list(directory)) {
                for (Path f : files.toList()) {
                    Matcher m = SEGMENT.matcher(f.getFileName().toString());
                    if (m.matches()) {
                        long n = Long.parseLong(m.group(1));
                        segments.add(n);
                        lastNumber = Math.max(lastNumber, n);
                        Sealed left = read(n);
                        pending.addAndGet(left.ops().size() - left.done());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool " + directory, e);
        }
    }

    /** The folder, for messages. */
    Path file() {
        return directory;
    }

    /** Operations on disk not yet written to Elasticsearch. */
    long pending() {
        return pending.get();
    }

    /** One line of a segment. */
    private record Line(String op, Object payload) {
    }

    /** Appends one operation; returns once it is on stable storage. */
    void append(String op, Object payload) throws IOException {
        byte[] bytes = (json.writeValueAsString(new Line(op, payload)) + "\n").getBytes(StandardCharsets.UTF_8);
        Segment segment;
        long end;
        synchronized (appendLock) {
            if (closed) {
                throw new IOException("the spool " + directory + " is closed");
            }
            if (active == null) {
                active = Segment.create(fileOf(++lastNumber), lastNumber);
                segments.add(lastNumber);
            }
            segment = active;
            try {
                end = segment.append(bytes);
            } catch (IOException e) {
                // a partly written line must not run into the next one: later appends go to a new segment
                active = null;
                segment.closeQuietly();
                throw e;
            }
            pending.incrementAndGet();
        }
        segment.syncTo(end);
    }

    /** The highest segment number so far: every operation appended until now is in a segment up to it. */
    long lastSegment() {
        synchronized (appendLock) {
            return lastNumber;
        }
    }

    /** True when every segment up to {@code number} is written and gone. */
    boolean writtenUpTo(long number) {
        synchronized (appendLock) {
            return segments.isEmpty() || segments.first() > number;
        }
    }

    /**
     * The oldest segment not yet written, sealing the active one when it is the only one left;
     * null when nothing is pending.
     */
    Sealed oldest() throws IOException {
        long number;
        Segment sealing = null;
        synchronized (appendLock) {
            if (segments.isEmpty()) {
                return null;
            }
            number = segments.first();
            if (active != null && active.number == number) {
                sealing = active;
                active = null; // the next append opens a new segment
            }
        }
        if (sealing != null) {
            sealing.close(); // fsyncs what appenders may not have synced yet
        }
        return read(number);
    }

    /** Counts {@code count} more operations as written to Elasticsearch (or dropped as rejected). */
    void written(int count) {
        pending.addAndGet(-count);
    }

    /** Records on disk that the first {@code done} operations of a sealed segment are written. */
    void checkpoint(long number, int done) throws IOException {
        Path tmp = directory.resolve(String.format(Locale.ROOT, "segment-%012d.done.tmp", number));
        Files.writeString(tmp, Integer.toString(done), StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, doneFileOf(number), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes a sealed segment whose operations are all written. */
    void drop(long number) throws IOException {
        Files.deleteIfExists(fileOf(number));
        Files.deleteIfExists(doneFileOf(number));
        synchronized (appendLock) {
            segments.remove(number);
        }
    }

    @Override
    public void close() throws IOException {
        Segment last;
        synchronized (appendLock) {
            closed = true;
            last = active;
            active = null;
        }
        if (last != null) {
            last.close();
        }
    }

    private Sealed read(long number) throws IOException {
        List<JsonNode> ops = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(fileOf(number), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            lines = List.of();
        }
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ops.add(json.readTree(line));
            } catch (IOException torn) {
                // only the last line can be torn: it was never acknowledged
            }
        }
        int done = 0;
        Path doneFile = doneFileOf(number);
        if (Files.exists(doneFile)) {
            done = Math.min(ops.size(), Integer.parseInt(Files.readString(doneFile, StandardCharsets.UTF_8).strip()));
        }
        return new Sealed(number, ops, done);
    }

    /** The one spool file of older versions becomes segment 0, so it is written first. */
    private void adoptLegacyFile() throws IOException {
        Path legacy = directory.resolve(LEGACY_FILE);
        if (Files.exists(legacy) && !Files.exists(fileOf(0))) {
            Files.move(legacy, fileOf(0), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Path fileOf(long number) {
        return directory.resolve(String.format(Locale.ROOT, "segment-%012d.jsonl", number));
    }

    private Path doneFileOf(long number) {
        return directory.resolve(String.format(Locale.ROOT, "segment-%012d.done", number));
    }

    /** One segment file open for appending; {@link #syncTo} is the group commit. */
    private static final class Segment {
        final long number;
        private final FileChannel channel;
        private final Object syncLock = new Object();
        private volatile long written; // advanced under the spool's appendLock
        private long synced; // guarded by syncLock

        private Segment(long number, FileChannel channel) {
            this.number = number;
            this.channel = channel;
        }

        static Segment create(Path file, long number) throws IOException {
            return new Segment(number, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        }

        /** Writes the bytes at the end; returns the end position. The caller holds the append lock. */
        long append(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                written += channel.write(buffer, written);
            }
            return written;
        }

        /** Returns once every byte up to {@code position} is on disk; one fsync covers every append before it. */
        void syncTo(long position) throws IOException {
            synchronized (syncLock) {
                if (synced >= position) {
                    return;
                }
                long target = written; // every append finished so far, not only ours
                channel.force(false);
                synced = target;
            }
        }

        void close() throws IOException {
            synchronized (syncLock) {
                if (channel.isOpen()) {
                    channel.force(false);
                    synced = Long.MAX_VALUE;
                    channel.close();
                }
            }
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the segment is abandoned either way
            }
        }
    }
}
