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

    @Test
    void textAndPdfReachExtractionOtherBinariesDoNot() {
        byte[] pdf = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(PipelineCrawler.reachesExtraction("text/html; charset=utf-8", new byte[0]));
        assertTrue(PipelineCrawler.reachesExtraction("application/pdf", new byte[0]));
        assertTrue(PipelineCrawler.reachesExtraction("application/octet-stream", pdf), "a PDF served untyped");
        assertTrue(PipelineCrawler.reachesExtraction(null, new byte[0]));
        assertFalse(PipelineCrawler.reachesExtraction("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertFalse(PipelineCrawler.reachesExtraction("application/zip", new byte[] {'P', 'K'}));
    }
}
