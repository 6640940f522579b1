package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TrapGuardTest {

    @Test
    void sessionIdsInThePathAreDropped() {
        assertEquals("http://h/a/page?x=1", TrapGuard.withoutSessionId("http://h/a;jsessionid=ABC123/page?x=1"));
        assertEquals("http://h/p", TrapGuard.withoutSessionId("http://h/p;JSESSIONID=z"));
    }

    @Test
    void repeatedSegmentsDeepPathsAndLongUrlsAreTraps() {
        TrapGuard guard = new TrapGuard();
        assertNull(guard.reject("http://h/shopee/cat/giay?page=2"));
        assertNotNull(guard.reject("http://h/a/b/a/b/a/b"));
        assertNotNull(guard.reject("http://h/1/2/3/4/5/6/7/8/9/10/11/12/13"));
        assertNotNull(guard.reject("http://h/" + "x".repeat(TrapGuard.MAX_URL_LENGTH)));
    }

    @Test
    void anEndlessCalendarStopsAtTheShapeBudget() {
        TrapGuard guard = new TrapGuard();
        int allowed = 0;
        for (int month = 0; month < TrapGuard.MAX_PER_SHAPE + 50; month++) {
            if (guard.reject("http://h/lab/calendar/" + (2026 + month / 12) + "/" + (month % 12 + 1)) == null) {
                allowed++;
            }
        }
        assertEquals(TrapGuard.MAX_PER_SHAPE, allowed);
    }
}
