package org.markguard.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The crawler test bench under /lab/: sizes, encodings, redirects, traps, robots and the cookie gate. */
class LabPagesTest {
    private final DemoSite site = TestSites.site(42, 300);

    @Test
    void theRootLinksTheLabAndTheLabLinksEveryTestPage() {
        assertTrue(TestSites.html(site, "/").contains("href=\"/lab/\""));
        Document lab = Jsoup.parse(TestSites.html(site, "/lab/"), TestSites.BASE);
        for (String path : new String[] {LabPages.HUGE, LabPages.WINDOWS_1258_META, LabPages.WINDOWS_1258_HEADER,
                LabPages.NFD, CrawlerTraps.REDIRECT_301, CrawlerTraps.REDIRECT_302, CrawlerTraps.META_REFRESH,
                CrawlerTraps.LOOP, CrawlerTraps.CALENDAR, CrawlerTraps.SESSION_PATH, CrawlerTraps.SESSION_QUERY,
                CrawlerTraps.DEEP, "/lab/js/", "/lab/private-group/", LabPages.DISALLOWED}) {
            assertNotNull(lab.selectFirst("a[href=" + path + "]"), path);
        }
        assertEquals(301, site.get("/lab", null).status());
    }

    @Test
    void theHugePageIsSixMegabytes() {
        DemoSite.Page page = site.get(LabPages.HUGE, null);
        assertEquals(200, page.status());
        assertTrue(page.body().length >= LabPages.HUGE_BYTES, "bytes: " + page.body().length);
        assertTrue(page.body().length < LabPages.HUGE_BYTES + 100_000);
        assertFalse(PlatformCrawlTest.looksLikeAProduct(Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8))));
    }

    @Test
    void windows1258PagesAreReallyWindows1258() throws Exception {
        DemoSite.Page meta = site.get(LabPages.WINDOWS_1258_META, null);
        DemoSite.Page header = site.get(LabPages.WINDOWS_1258_HEADER, null);
        assertEquals("text/html", meta.contentType(), "declared only in the document");
        assertEquals("text/html; charset=windows-1258", header.contentType());
        for (DemoSite.Page page : new DemoSite.Page[] {meta, header}) {
            assertFalse(isUtf8(page.body()), "must not also be valid UTF-8");
            String decoded = Normalizer.normalize(new String(page.body(), Windows1258.CHARSET), Normalizer.Form.NFC);
            assertTrue(decoded.contains(LabPages.VIETNAMESE), decoded);
        }
        String metaText = new String(meta.body(), Windows1258.CHARSET);
        assertTrue(metaText.contains("<meta charset=\"windows-1258\">"));
        assertFalse(new String(header.body(), Windows1258.CHARSET).contains("<meta charset"));
        // ơ is 0xF5, ư 0xFD, đ 0xF0; "ệ" is ê (0xEA) followed by the combining dot below (0xF2)
        assertArrayEquals(new byte[] {(byte) 0xF5, (byte) 0xFD, (byte) 0xF0, (byte) 0xEA, (byte) 0xF2},
                Windows1258.encode("ơưđệ"));
        assertEquals("Tiếng Việt", Normalizer.normalize(new String(Windows1258.encode("Tiếng Việt"), Windows1258.CHARSET),
                Normalizer.Form.NFC));
    }

    @Test
    void theNfdPageIsDecomposedUtf8() {
        String html = TestSites.html(site, LabPages.NFD);
        assertTrue(Normalizer.isNormalized(html, Normalizer.Form.NFD));
        assertFalse(Normalizer.isNormalized(html, Normalizer.Form.NFC));
        assertTrue(Normalizer.normalize(html, Normalizer.Form.NFC).contains(LabPages.VIETNAMESE));
    }

    @Test
    void redirectChainsEndOnARealListingAndTheLoopLoops() {
        String target = site.redirectTarget();
        assertTrue(target.startsWith("/lazada/products/"), target);
        assertEquals(200, site.get(target, null).status());
        for (String start : new String[] {CrawlerTraps.REDIRECT_301, CrawlerTraps.REDIRECT_302, CrawlerTraps.REDIRECT_MIXED}) {
            String at = start;
            Set<Integer> statuses = new HashSet<>();
            int hops = 0;
            while (true) {
                DemoSite.Page page = site.get(at, null);
                if (page.status() == 200) {
                    break;
                }
                statuses.add(page.status());
                at = page.location();
                assertTrue(++hops < 10, start);
            }
            assertEquals(target, at, start);
            assertEquals(start.equals(CrawlerTraps.REDIRECT_MIXED) ? 4 : 4, hops, start);
            assertTrue(statuses.size() >= 1);
        }
        assertEquals(Set.of(301), statuses(CrawlerTraps.REDIRECT_301));
        assertEquals(Set.of(302), statuses(CrawlerTraps.REDIRECT_302));
        assertEquals(Set.of(301, 302), statuses(CrawlerTraps.REDIRECT_MIXED));
        Document refresh = Jsoup.parse(TestSites.html(site, CrawlerTraps.META_REFRESH));
        assertEquals("0; url=" + target, refresh.selectFirst("meta[http-equiv=refresh]").attr("content"));
        DemoSite.Page a = site.get(CrawlerTraps.LOOP, null);
        DemoSite.Page b = site.get(a.location(), null);
        assertEquals(302, a.status());
        assertEquals(CrawlerTraps.LOOP, b.location());
    }

    @Test
    void theCalendarSessionIdsAndDeepPathsNeverEnd() {
        String month = CrawlerTraps.CALENDAR;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Document doc = Jsoup.parse(TestSites.html(site, month), TestSites.BASE);
            assertTrue(seen.add(month));
            month = doc.select("a").last().attr("href");
        }
        assertEquals("/lab/calendar/2029/6", month);

        Document first = Jsoup.parse(TestSites.html(site, CrawlerTraps.SESSION_PATH));
        Document second = Jsoup.parse(TestSites.html(site, CrawlerTraps.SESSION_PATH));
        String link = first.selectFirst("a[href^=/lab/s;jsessionid=]").attr("href");
        assertNotEquals(link, second.selectFirst("a[href^=/lab/s;jsessionid=]").attr("href"), "a new id per request");
        assertEquals(first.body().selectFirst("h1").text(), second.body().selectFirst("h1").text());
        assertEquals(200, site.get(link, null).status());
        String sid = first.selectFirst("a[href^=/lab/session?sid=]").attr("href");
        assertEquals(200, TestSites.fetch(site, sid).status());
        assertEquals(404, site.get("/lab/session", "sid=NOT-HEX").status());

        String deep = CrawlerTraps.DEEP;
        for (int i = 0; i < 50; i++) {
            deep = Jsoup.parse(TestSites.html(site, deep)).selectFirst("a").attr("href");
        }
        assertTrue(deep.startsWith("/lab/deep/1/2/3/") && deep.endsWith("/49/50/"), deep);
    }

    @Test
    void robotsForbidsTheDisallowedPageWhichIsStillLinked() {
        assertTrue(NavigationPages.ROBOTS.contains("Disallow: /lab/disallowed/\n"));
        assertTrue(LabPages.DISALLOWED.startsWith("/lab/disallowed/"));
        assertEquals(200, site.get(LabPages.DISALLOWED, null).status());
    }

    @Test
    void thePrivateGroupNeedsTheSessionCookie() {
        DemoListing l = null;
        for (int i = 0; i < site.generator().count() && l == null; i++) {
            if (site.generator().listing(i).platform().equals(PrivateGroupStyle.KEY)) {
                l = site.generator().listing(i);
            }
        }
        assertNotNull(l);
        String path = site.listingPath(l);
        for (String p : new String[] {"/lab/private-group/", path}) {
            assertEquals(403, site.get(p, null, null).status(), p);
            assertEquals(403, site.get(p, null, "session=wrong").status(), p);
            assertEquals(200, site.get(p, null, "a=b; session=demo-secret").status(), p);
        }
        Document doc = Jsoup.parse(TestSites.html(site, path), TestSites.BASE);
        assertTrue(PlatformCrawlTest.looksLikeAProduct(doc));
        assertEquals(l.title(), doc.selectFirst("h1").text());
    }

    private Set<Integer> statuses(String start) {
        Set<Integer> out = new HashSet<>();
        for (DemoSite.Page page = site.get(start, null); page.status() != 200; page = site.get(page.location(), null)) {
            out.add(page.status());
        }
        return out;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
