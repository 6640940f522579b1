package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlJournalTest {
    @Test
    void aReopenedJournalTellsDoneFromUnfinishedPages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("journal.txt");
        try (CrawlJournal journal = new CrawlJournal(file)) {
            journal.queued("http://a/1");
            journal.captured("http://a/1", "warc:1");
            journal.done("http://a/1");
            journal.queued("http://a/2");
            journal.captured("http://a/2", "warc:2"); // killed before it was stored
            journal.queued("http://a/3"); // killed before its capture
            journal.queued("http://a/bad\nD\thttp://a/3"); // a forged line is not written
        }
        Files.writeString(file, "D\thttp://a/", java.nio.file.StandardOpenOption.APPEND); // cut by the kill: no newline
        try (CrawlJournal reopened = new CrawlJournal(file)) {
            assertTrue(reopened.isDone("http://a/1"));
            assertFalse(reopened.isDone("http://a/2"));
            assertFalse(reopened.isDone("http://a/3"));
            CrawlJournal.Unfinished unfinished = reopened.unfinished();
            assertEquals(Map.of("http://a/2", "warc:2"), unfinished.captured());
            assertEquals(List.of("http://a/3"), unfinished.uncaptured());
        }
    }
}
