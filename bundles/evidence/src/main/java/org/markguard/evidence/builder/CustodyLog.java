package org.markguard.evidence.builder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The chain of custody: one JSON object a line, {@code seq}, {@code at} (UTC), {@code event} and the
 * event's facts, written to a file as events happen (never held in memory). The packet carries the
 * log up to the moment it is sealed ({@code data/chain-of-custody.jsonl}); the events of sealing,
 * signing and time-stamping, which cannot be inside what they seal, are appended afterwards to the
 * same file, which is then kept beside the packet as {@code <id>.custody.jsonl}: its first lines are
 * byte for byte the packet's log.
 */
final class CustodyLog implements Closeable {
    private final Path file;
    private final BufferedWriter out;
    private final Clock clock;
    private int seq;

    CustodyLog(Path file, Clock clock) throws IOException {
        this.file = file;
        this.clock = clock;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /**
     * Appends an event.
     *
     * @param facts name, value, name, value, …; a null value is written as JSON null, other values
     *     as Jackson writes them
     */
    void add(String event, Object... facts) throws IOException {
        if (facts.length % 2 != 0) {
            throw new IllegalArgumentException("facts come in name/value pairs");
        }
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("seq", ++seq);
        line.put("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        line.put("event", event);
        for (int i = 0; i < facts.length; i += 2) {
            line.set((String) facts[i], Json.MAPPER.valueToTree(facts[i + 1]));
        }
        out.write(Json.MAPPER.writeValueAsString(line)); // one line: JSON escapes every line break
        out.write('\n');
    }

    /** Everything written so far is in the file (for copying it into the packet). */
    Path flushed() throws IOException {
        out.flush();
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
