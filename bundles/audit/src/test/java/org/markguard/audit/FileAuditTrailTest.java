package org.markguard.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.AuditEvent;

class FileAuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void entriesChainAndSurviveAReopen() throws Exception {
        try (FileAuditTrail trail = new FileAuditTrail(dir)) {
            trail.record("an", "login", "", "");
            trail.record("an", "review.CONFIRMED", "listing-1", "kind TRADEMARK");
        }
        try (FileAuditTrail trail = new FileAuditTrail(dir)) {
            AuditEvent third = trail.record("binh", "export.packet", "p-1", "3 listings");
            assertEquals(3, third.seq());
            assertEquals(List.of(), trail.verify());
            assertEquals(List.of("login", "review.CONFIRMED", "export.packet"),
                    trail.query(null, null, null, null, 0, 100).stream().map(AuditEvent::action).toList());
            assertEquals(1, trail.query(null, null, "binh", null, 0, 100).size());
            assertEquals(1, trail.query(null, null, null, "review", 0, 100).size(), "an action prefix matches");
            assertEquals(List.of(3L), trail.query(null, null, null, null, 2, 100).stream().map(AuditEvent::seq).toList());
            assertEquals(0, trail.query(Instant.now().plusSeconds(60), null, null, null, 0, 100).size());
        }
    }

    @Test
    void aChangedOrRemovedLineBreaksTheChain() throws Exception {
        try (FileAuditTrail trail = new FileAuditTrail(dir)) {
            for (int i = 0; i < 5; i++) {
                trail.record("an", "review.DISMISSED", "listing-" + i, "");
            }
        }
        Path file = dir.resolve(FileAuditTrail.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("listing-2", "listing-9"));
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (FileAuditTrail trail = new FileAuditTrail(dir)) {
            List<String> problems = trail.verify();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("line 3"), problems.toString());
        }
        lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replace("listing-9", "listing-2"));
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (FileAuditTrail trail = new FileAuditTrail(dir)) {
            String problems = trail.verify().toString();
            assertTrue(problems.contains("line 2") && problems.contains("seq 3 where 2"), problems);
        }
    }

    @Test
    void aCallerCannotForgeALine() throws Exception {
        try (FileAuditTrail trail = new FileAuditTrail(dir)) {
            trail.record("an\n{\"seq\":99}", "login", "x\r\ny", "\u0000detail");
            assertEquals(1, Files.readAllLines(dir.resolve(FileAuditTrail.FILE)).size());
            assertEquals(List.of(), trail.verify());
        }
    }
}
