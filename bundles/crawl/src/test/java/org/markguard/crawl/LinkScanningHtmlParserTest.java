package org.markguard.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.HtmlParser;
import edu.uci.ics.crawler4j.parser.TikaHtmlParser;
import edu.uci.ics.crawler4j.url.SleepycatWebURLFactory;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Links as the crawl frontier gets them: resolved, normalised, filtered, beside crawler4j's own parser. */
class LinkScanningHtmlParserTest {
    private static final String PAGE = "http://shop.example/lazada/c/giay?page=2";
    private final CrawlConfig config = new CrawlConfig();
    private final BasicURLNormalizer normalizer = BasicURLNormalizer.newBuilder()
            .idnNormalization(BasicURLNormalizer.IdnNormalization.NONE)
            .queryParamsToRemove(CrawlRun.SESSION_PARAMETERS).build();
    private final WebURLFactory urls = new SleepycatWebURLFactory();
    private final TLDList tlds;
    private final LinkScanningHtmlParser scanner;

    LinkScanningHtmlParserTest() throws Exception {
        tlds = new TLDList(config);
        scanner = new LinkScanningHtmlParser(config, normalizer, tlds, urls);
    }

    private Page page(String url, String contentType, byte[] body) {
        WebURL webUrl = urls.newWebUrl();
        webUrl.setURL(url);
        Page page = new Page(webUrl);
        page.setContentType(contentType);
        page.setContentData(body);
        return page;
    }

    private Set<String> links(HtmlParser parser, String html) throws Exception {
        HtmlParseData data = parser.parse(page(PAGE, "text/html", html.getBytes(StandardCharsets.UTF_8)));
        return data.getOutgoingUrls().stream().map(WebURL::getURL).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void relativeLinksResolveAgainstThePageAndAreNormalised() throws Exception {
        assertEquals(new TreeSet<>(Set.of("http://shop.example/lazada/c/p/1", "http://shop.example/lazada/p/2",
                        "http://shop.example/lazada/c/giay?page=3", "http://shop.example/top",
                        "http://other.example/x", "http://shop.example/lazada/c/giay?page=2")),
                links(scanner, "<a href='p/1'>a</a><a href='../p/2#reviews'>b</a><a href='?page=3'>c</a>"
                        + "<a href='/top'>d</a><a href='//other.example/x'>e</a><a href='#'>self</a>"));
    }

    @Test
    void theBaseHrefIsWhatRelativeLinksResolveAgainst() throws Exception {
        assertEquals(Set.of("http://cdn.example/shop/p/9", "http://shop.example/abs"),
                links(scanner, "<head><base href='http://cdn.example/shop/'></head><a href='p/9'>x</a><a href='http://shop.example/abs'>y</a>"));
        assertEquals(Set.of("http://shop.example/other/p/9"),
                links(scanner, "<base href='/other/'><a href='p/9'>x</a>"), "a relative base resolves against the page");
    }

    @Test
    void schemesAndTargetsCrawler4jNeverFollowsAreDropped() throws Exception {
        assertEquals(Set.of("http://shop.example/ok"), links(scanner, "<a href='mailto:a@b.c'>m</a><a href='tel:+84'>t</a>"
                + "<a href=' JavaScript:void(0)'>j</a><a href='data:text/html,x'>d</a><a href=''>e</a><a href='  '>s</a>"
                + "<a href='/u@host'>at</a><a href='/ok'>ok</a>"));
    }

    @Test
    void sessionIdsInQueriesAreDroppedByTheNormaliser() throws Exception {
        assertEquals(Set.of("http://shop.example/p/1?a=1"), links(scanner, "<a href='/p/1?a=1&amp;jsessionid=XYZ'>x</a>"));
    }

    @Test
    void metaRefreshTargetsAndRobotsMetaReachCrawler4j() throws Exception {
        HtmlParseData data = scanner.parse(page(PAGE, "text/html", ("<meta name='robots' content='noindex'>"
                + "<meta http-equiv='refresh' content='0;url=/lazada/next'>").getBytes(StandardCharsets.UTF_8)));
        assertEquals("noindex", data.getMetaTagValue("robots")); // crawler4j skips visit() of noindex pages
        assertEquals(Set.of("http://shop.example/lazada/next"),
                data.getOutgoingUrls().stream().map(WebURL::getURL).collect(Collectors.toSet()));
    }

    @Test
    void theCharsetComesFromTheHeaderElseTheMetaElseUtf8() {
        Charset cp1258 = Charset.forName("windows-1258");
        byte[] vietnamese = "<meta charset=\"windows-1258\"><a href='/gi\u00e0y'>g</a>".getBytes(cp1258);
        assertEquals(cp1258, LinkScanningHtmlParser.charsetOf(null, vietnamese));
        assertEquals(StandardCharsets.ISO_8859_1, LinkScanningHtmlParser.charsetOf("ISO-8859-1", vietnamese));
        assertEquals(cp1258, LinkScanningHtmlParser.charsetOf("no-such-charset", vietnamese));
        assertEquals(Charset.forName("windows-1252"), LinkScanningHtmlParser.charsetOf(null,
                "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(StandardCharsets.UTF_8, LinkScanningHtmlParser.charsetOf(null, "<a href=x>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, LinkScanningHtmlParser.charsetOf(null, new byte[0]));
    }

    @Test
    void nonAsciiLinksOfAPageInItsOwnCharsetAreReadInThatCharset() {
        Charset cp1258 = Charset.forName("windows-1258");
        byte[] body = "<meta charset=windows-1258><a href='/gi\u00e0y'>g</a>".getBytes(cp1258);
        HtmlParseData data = scanner.parse(page(PAGE, "text/html", body), PAGE);
        String url = data.getOutgoingUrls().iterator().next().getURL();
        assertEquals("http://shop.example/gi%C3%A0y", url); // percent-encoded as UTF-8 by the normaliser
    }

    @Test
    void findsWhatCrawler4jsTikaParserFinds() throws Exception {
        TikaHtmlParser tika = new TikaHtmlParser(config, normalizer, tlds, urls);
        String[] pages = {
            "<!DOCTYPE html><html><head><title>Gi\u00e0y Nike</title><link rel='canonical' href='/lazada/p/1'>"
                + "<script src='/static/app.js'></script><style>.a{background:url('/bg.png')}</style></head><body>"
                + "<nav><a href='/lazada/'>Trang ch\u1ee7</a> | <a href=\"/lazada/c/giay?page=2&amp;sort=new\">2</a></nav>"
                + "<!-- <a href='/lazada/hidden'> --><div class=item><a href='p/3'><img src='/img/3-1.jpg' alt=''></a>"
                + "<a href='/seller/77' rel='nofollow'>Shop</a></div><script>var u='<a href=\"/js-only\">';</script>"
                + "<a href='mailto:x@y.z'>mail</a><a href='tel:0900'>tel</a><iframe src='/embed/1'></iframe>"
                + "<map><area href='/lazada/area' shape=rect></map><a href='HTTP://Shop.Example:80/lazada/Upper'>u</a>"
                + "</body></html>",
            "<html><body><table><tr><td><a href=/lazada/p/10>10<td><a href='/lazada/p/11'>11</table>"
                + "<form action='/search'><input name=q></form><a href='https://secure.example/x?b=2&a=1'>s</a>"
                + "<p>no markup here &lt;a href='/escaped'&gt;</p><a href=\"  /lazada/p/12  \">spaced</a></body></html>",
            "<html><head><base href='http://cdn.example/shop/'><link href='css/a.css' rel=stylesheet></head>"
                + "<body><a href='p/9'>x</a><img src='../img/9.jpg'><a href='/abs'>y</a></body></html>",
        };
        for (String html : pages) {
            assertEquals(links(tika, html), links(scanner, html), html);
        }
        assertTrue(links(scanner, pages[0]).contains("http://shop.example/lazada/c/p/3"));
    }
}
