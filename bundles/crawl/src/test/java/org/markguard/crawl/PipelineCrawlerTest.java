package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PipelineCrawlerTest {

    @Test
    void theCheapPreCheckFindsRefreshInAnyCaseAndNothingElse() {
        assertTrue(PipelineCrawler.mentionsRefresh("<META HTTP-EQUIV=\"Refresh\" CONTENT=\"0; url=/x\">"));
        assertTrue(PipelineCrawler.mentionsRefresh("<meta http-equiv=refresh content=0;url=/x>"));
        assertTrue(PipelineCrawler.mentionsRefresh("refresh"));
        assertFalse(PipelineCrawler.mentionsRefresh("<meta charset=\"utf-8\"><title>Refres</title>"));
        assertFalse(PipelineCrawler.mentionsRefresh(""));
    }
}
