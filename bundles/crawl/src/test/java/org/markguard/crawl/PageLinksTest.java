package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The markup scan alone: which targets it reads from which markup, unresolved. */
class PageLinksTest {

    private static List<String> hrefs(String html) {
        return PageLinks.scan(html).links().stream().map(PageLinks.Link::href).toList();
    }

    @Test
    void readsTheLinkElementsAndAttributesCrawler4jReads() {
        String html = "<html><head><link rel=stylesheet href='/s.css'><script src=\"/a.js\"></script></head><body>"
                + "<a href=\"/p/1\">one</a><area href=/map><img src='/i.jpg'><iframe src=/f></iframe>"
                + "<frame src=/fr><embed src=/e><div href='/not-a-link'></div><img srcset='/x 2x'></body></html>";
        assertEquals(List.of("/s.css", "/a.js", "/p/1", "/map", "/i.jpg", "/f", "/fr", "/e"), hrefs(html));
    }

    @Test
    void tagAndAttributeNamesAreCaseInsensitiveAndTheFirstOfDuplicatesCounts() {
        assertEquals(List.of("/first", "/upper"), hrefs("<a HREF='/first' href='/second'>x</a><A Href=/upper>y</A>"));
    }

    @Test
    void characterReferencesInValuesAreDecoded() {
        assertEquals(List.of("/list?a=1&b=2", "/caf\u00e9", "/x y"),
                hrefs("<a href='/list?a=1&amp;b=2'>q</a><a href=\"/caf&#xE9;\">c</a><a href='/x&#32;y'>s</a>"));
    }

    @Test
    void commentsDeclarationsAndRawTextAreNotMarkup() {
        String html = "<!DOCTYPE html><?xml version='1.0'?><!-- <a href='/in-comment'> --><!--><a href='/after-empty'>"
                + "<!-- x --!><a href='/after-bang'><script>var s = \"<a href='/in-script'>\";</script>"
                + "<style>a[href='/in-style']{}</style><textarea><a href='/in-textarea'></textarea>"
                + "<title><a href='/in-title'></title><SCRIPT type=x>document.write('<a href=/js>')</Script >"
                + "<a href='/real'>r</a>";
        assertEquals(List.of("/after-empty", "/after-bang", "/real"), hrefs(html));
    }

    @Test
    void aGreaterThanInsideQuotesDoesNotEndTheTag() {
        assertEquals(List.of("/b"), hrefs("<div title='a > <a href=/fake>'><a data-x=\"1>2\" href='/b'>b</a></div>"));
        assertEquals(List.of("/c"), hrefs("</div title='> <a href=/fake2>'><a href='/c'>c</a>"));
    }

    @Test
    void aTagCutOffByTheEndOfThePageCountsForNothing() {
        assertEquals(List.of("/whole"), hrefs("<a href='/whole'>w</a><a href='/cut"));
        assertEquals(List.of(), hrefs("<a href=/unquoted-but-no-end"));
        assertEquals(List.of(), hrefs("<!-- never closed <a href='/x'>"));
        assertEquals(List.of(), hrefs("<script><a href='/never-closed-script'>"));
    }

    @Test
    void theFirstBaseCounts() {
        PageLinks.Found found = PageLinks.scan("<base target=_top><base href='/shop/'><base href='/other/'><a href=p>p</a>");
        assertEquals("/shop/", found.base());
        assertNull(PageLinks.scan("<a href=p>p</a>").base());
    }

    @Test
    void metaTagsAreKeptAndRefreshAndLocationAreLinks() {
        PageLinks.Found found = PageLinks.scan("<meta name=ROBOTS content='noindex, nofollow'>"
                + "<meta http-equiv=\"Refresh\" content=\"0; URL=/next\"><meta http-equiv=refresh content='5;url=/second'>"
                + "<meta http-equiv=location content='/moved'><meta charset=utf-8>");
        assertEquals("noindex, nofollow", found.metaTags().get("robots"));
        assertEquals(List.of("/next", "/moved"), found.links().stream().map(PageLinks.Link::href).toList());
        assertEquals("meta", found.links().get(0).tag());
    }

    @Test
    void anchorsKeepTheirAttributesForRelNofollow() {
        PageLinks.Link link = PageLinks.scan("<a rel='nofollow ugc' href='/x'>x</a>").links().get(0);
        assertEquals("a", link.tag());
        assertEquals("nofollow ugc", link.attributes().get("rel"));
    }

    @Test
    void hostileMarkupEndsQuicklyAndNeverThrows() {
        String[] hostile = {"<", "<<<<<<", "<a", "<a href", "<a href=", "<a href='", "</", "<!", "<!-", "<!--", "<?",
            "<a\u0000href='/nul'>", "<a =x href=/eq>", "<a/href=/slash>", "<![CDATA[<a href=/cdata>]]><a href=/after>",
            "<plaintext><a href=/after-plaintext>", "<a href=\"/one\"\"/two\">"};
        for (String h : hostile) {
            PageLinks.scan(h); // must not throw
        }
        assertEquals(List.of("/slash"), hrefs("<a/href=/slash>"));
        assertEquals(List.of("/after"), hrefs("<![CDATA[<a href=/cdata>]]><a href=/after>"));
        assertEquals(List.of(), hrefs("<plaintext><a href=/after-plaintext>"));
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            big.append("<a href='/p/").append(i % 50).append("' ").append("x".repeat(i % 7)).append("><div ='<'");
        }
        String page = big.toString() + "<!--" + "-".repeat(100_000) + "<a href=/unclosed-quote title='" + "<".repeat(100_000);
        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> hrefs(page));
        assertTrue(found.size() >= 1, "the links before the hostile tail are found");
    }
}
