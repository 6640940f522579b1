package org.markguard.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.markguard.api.CrawlState;
import org.markguard.api.CrawlStatus;

class ProgressBarTest {

    @Test
    void barFillsWithFetchedOverFetchedPlusQueued() {
        String half = ProgressBar.line(new CrawlStatus("c", "s", CrawlState.RUNNING, Instant.now(), null, 50, 40, 1,
                null, 50, 10, 12.5, Instant.now()));
        assertTrue(half.startsWith("[" + "#".repeat(15) + ".".repeat(15) + "]"), half);
        assertTrue(half.contains("40 listings (10 flagged)"), half);
        String done = ProgressBar.line(new CrawlStatus("c", "s", CrawlState.FINISHED, Instant.now(), Instant.now(), 0,
                0, 0, null, 0, 0, 0, null));
        assertTrue(done.startsWith("[" + "#".repeat(ProgressBar.WIDTH) + "]"), done);
    }
}
