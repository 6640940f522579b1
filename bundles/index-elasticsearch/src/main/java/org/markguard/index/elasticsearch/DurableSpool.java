package org.markguard.index.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of the writes that could not reach Elasticsearch, replayed in order when it
 * is back. Each line is one JSON operation; each append is fsynced, so a write acknowledged to the
 * crawler survives a crash. Not thread-safe: the store serialises access.
 */
final class DurableSpool {
    static final String STORE = "store";
    static final String GONE = "gone";

    private final Path file;
    private final ObjectMapper json;
    private volatile long pending; // read without the lock by writers deciding whether to spool

    DurableSpool(Path directory, ObjectMapper json) {
        this.file = directory.resolve("pending.jsonl");
        this.json = json;
        try {
            Files.createDirectories(directory);
            this.pending = Files.exists(file) ? readAll().size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the spool " + file, e);
        }
    }

    Path file() {
        return file;
    }

    long pending() {
        return pending;
    }

    void append(String op, JsonNode payload) throws IOException {
        ObjectNode line = json.createObjectNode().put("op", op);
        line.set("payload", payload);
        byte[] bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(false);
        }
        pending++;
    }

    /** The pending operations, oldest first. A torn last line (crash mid-append) is skipped. */
    List<JsonNode> readAll() throws IOException {
        List<JsonNode> ops = new ArrayList<>();
        if (!Files.exists(file)) {
            return ops;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ops.add(json.readTree(line));
            } catch (IOException torn) {
                // only the last line can be torn: it was never acknowledged
            }
        }
        return ops;
    }

    /** Drops the first {@code done} operations (replayed), atomically. */
    void removeFirst(int done, List<JsonNode> all) throws IOException {
        if (done >= all.size()) {
            Files.deleteIfExists(file);
            pending = 0;
            return;
        }
        Path tmp = file.resolveSibling("pending.jsonl.tmp");
        StringBuilder rest = new StringBuilder();
        for (JsonNode op : all.subList(done, all.size())) {
            rest.append(json.writeValueAsString(op)).append('\n');
        }
        Files.writeString(tmp, rest, StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        pending = all.size() - done;
    }
}
