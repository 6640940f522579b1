package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableSpoolTest {
    private final ObjectMapper json = DocumentMapper.create();
    @TempDir
    Path dir;

    private static List<String> ids(DurableSpool.Sealed segment) {
        return segment.ops().stream().map(op -> op.path("payload").path("id").asText()).toList();
    }

    @Test
    void appendedOperationsComeBackInOrderOneSegmentAtATime() throws Exception {
        try (DurableSpool spool = new DurableSpool(dir, json)) {
            assertNull(spool.oldest());
            assertTrue(spool.writtenUpTo(spool.lastSegment()));
            spool.append(DurableSpool.STORE, Map.of("id", "a"));
            spool.append(DurableSpool.GONE, Map.of("id", "b", "at", "2025-01-01T00:00:00Z"));
            assertEquals(2, spool.pending());
            long barrier = spool.lastSegment();

            DurableSpool.Sealed first = spool.oldest(); // seals the active segment
            spool.append(DurableSpool.STORE, Map.of("id", "c")); // goes to the next one
            assertEquals(List.of("a", "b"), ids(first));
            assertEquals("gone", first.ops().get(1).path("op").asText());
            spool.written(2);
            spool.drop(first.number());
            assertTrue(spool.writtenUpTo(barrier));
            assertTrue(!spool.writtenUpTo(spool.lastSegment()));
            assertEquals(1, spool.pending());
            assertEquals(List.of("c"), ids(spool.oldest()));
        }
    }

    @Test
    void aReopenedSpoolResumesAfterTheCheckpointAndSkipsATornLastLine() throws Exception {
        try (DurableSpool spool = new DurableSpool(dir, json)) {
            for (int i = 0; i < 5; i++) {
                spool.append(DurableSpool.STORE, Map.of("id", "l" + i));
            }
            DurableSpool.Sealed sealed = spool.oldest();
            spool.written(3);
            spool.checkpoint(sealed.number(), 3); // then the process dies
        }
        try (var files = Files.list(dir)) {
            Path segment = files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow();
            Files.writeString(segment, "{\"op\":\"store\",\"payl", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        try (DurableSpool reopened = new DurableSpool(dir, json)) {
            assertEquals(2, reopened.pending());
            DurableSpool.Sealed left = reopened.oldest();
            assertEquals(3, left.done());
            assertEquals(List.of("l3", "l4"), ids(left).subList(left.done(), left.ops().size()));
        }
    }

    @Test
    void theSingleFileOfOlderVersionsIsWrittenFirst() throws Exception {
        Files.writeString(dir.resolve("pending.jsonl"), "{\"op\":\"store\",\"payload\":{\"id\":\"old\"}}\n");
        try (DurableSpool spool = new DurableSpool(dir, json)) {
            assertEquals(1, spool.pending());
            spool.append(DurableSpool.STORE, Map.of("id", "new"));
            DurableSpool.Sealed first = spool.oldest();
            assertEquals(List.of("old"), ids(first));
            spool.written(1);
            spool.drop(first.number());
            assertEquals(List.of("new"), ids(spool.oldest()));
        }
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (DurableSpool spool = new DurableSpool(dir, json)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        spool.append(DurableSpool.STORE, Map.of("id", thread + "-" + i));
                    }
                    return null;
                }));
            }
            Set<String> seen = new HashSet<>();
            while (seen.size() < 400) {
                DurableSpool.Sealed s = spool.oldest(); // sealing while others append
                if (s == null) {
                    Thread.sleep(1);
                    continue;
                }
                for (JsonNode op : s.ops()) {
                    assertTrue(seen.add(op.path("payload").path("id").asText()), "twice: " + op);
                }
                spool.written(s.ops().size());
                spool.drop(s.number());
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertEquals(0, spool.pending());
        } finally {
            pool.shutdownNow();
        }
    }
}
