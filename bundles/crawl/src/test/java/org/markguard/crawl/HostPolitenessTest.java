package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.url.WebURLImpl;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {

    private static WebURLImpl url(String u) {
        WebURLImpl w = new WebURLImpl();
        w.setURL(u);
        return w;
    }

    @Test
    void requestsToOneHostGetSlotsTheDelayApart() {
        HostPoliteness politeness = new HostPoliteness(200);
        assertEquals(PolitenessServer.NO_POLITENESS_APPLIED, politeness.applyPoliteness(url("http://a.test/1")));
        long second = politeness.applyPoliteness(url("http://a.test/2"));
        long third = politeness.applyPoliteness(url("http://a.test/3"));
        assertTrue(second > 150 && second <= 200, "second waits about 200 ms: " + second);
        assertTrue(third > 350 && third <= 400, "third waits about 400 ms (its slot is reserved): " + third);
        assertEquals(PolitenessServer.NO_POLITENESS_APPLIED, politeness.applyPoliteness(url("http://b.test/1")),
                "another host is not delayed");
    }

    @Test
    void zeroDelayNeverWaits() {
        HostPoliteness politeness = new HostPoliteness(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(PolitenessServer.NO_POLITENESS_APPLIED, politeness.applyPoliteness(url("http://a.test/" + i)));
        }
    }
}
