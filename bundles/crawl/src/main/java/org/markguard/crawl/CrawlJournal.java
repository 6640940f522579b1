package org.markguard.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happened to each page of a resumable crawl, so that a crawl killed mid-way neither fetches
 * a finished page again nor loses one that was fetched but not yet stored. crawler4j's frontier
 * counts a page as processed once it is handed to the pipeline, before it is stored; this journal
 * records the rest: handed over ({@code Q}), raw capture written ({@code C}, with its reference),
 * listings stored ({@code D}). Each line is one write(2) to the file: a killed process loses none
 * (no fsync, so a power cut may lose the last ones).
 */
final class CrawlJournal implements AutoCloseable {
    private static final String QUEUED = "Q";
    private static final String CAPTURED = "C";
    private static final String DONE = "D";

    /** Pages of the journal that need work on resume: re-process from the capture, or fetch again. */
    record Unfinished(Map<String, String> captured, List<String> uncaptured) {
    }

    private final FileChannel out;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Map<String, String> captured = new LinkedHashMap<>();
    private final Map<String, Boolean> queued = new LinkedHashMap<>();

    /** Opens (and first reads) the journal at {@code file}. */
    CrawlJournal(Path file) throws IOException {
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length < 2) {
                    continue; // a line cut by the kill
                }
                switch (parts[0]) {
                    case QUEUED -> queued.put(parts[1], Boolean.TRUE);
                    case CAPTURED -> captured.put(parts[1], parts.length == 3 ? parts[2] : null);
                    case DONE -> done.add(parts[1]);
                    default -> { }
                }
            }
        }
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Pages stored in an earlier run of this crawl. */
    boolean isDone(String url) {
        return done.contains(url);
    }

    /** The pages an earlier run handed over but did not finish, read once when resuming. */
    Unfinished unfinished() {
        Map<String, String> fromCapture = new LinkedHashMap<>();
        List<String> refetch = new java.util.ArrayList<>();
        captured.forEach((url, ref) -> {
            if (!done.contains(url) && ref != null) {
                fromCapture.put(url, ref);
            }
        });
        queued.keySet().forEach(url -> {
            if (!done.contains(url) && !fromCapture.containsKey(url)) {
                refetch.add(url);
            }
        });
        return new Unfinished(fromCapture, refetch);
    }

    void queued(String url) {
        append(QUEUED + "\t" + url);
    }

    void captured(String url, String captureRef) {
        if (captureRef != null) {
            append(CAPTURED + "\t" + url + "\t" + captureRef);
        }
    }

    void done(String url) {
        done.add(url);
        append(DONE + "\t" + url);
    }

    private void append(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            return; // crawled URLs are normalised and never hold these; a hostile one must not forge lines
        }
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            synchronized (out) {
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("crawl journal not written", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
