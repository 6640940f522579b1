package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/** 100,000 listings: only the index is kept, pages and labels are produced on demand. */
class ScaleTest {

    @Test
    void aHundredThousandListingsAreIndexedServedAndLabelled() throws Exception {
        DemoSite site = TestSites.site(42, 100_000);
        int indexed = 0;
        for (PlatformStyle style : DemoSite.STYLES) {
            for (ProductCategory c : ProductCategory.values()) {
                indexed += site.index().listings(style.key(), c).length;
            }
        }
        assertEquals(100_000, indexed);
        DemoListing last = site.generator().listing(99_999);
        assertEquals(200, site.get(site.listingPath(last), null).status());
        assertTrue(TestSites.html(site, "/shopee/").contains("?page=100"));
        CountingStream counter = new CountingStream();
        site.writeLabels(counter);
        assertTrue(counter.bytes > 10_000_000, "labels bytes: " + counter.bytes);
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
