package org.markguard.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.parser.HtmlParseData;
import edu.uci.ics.crawler4j.parser.HtmlParser;
import edu.uci.ics.crawler4j.url.TLDList;
import edu.uci.ics.crawler4j.url.UrlResolver;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * crawler4j's HTML parser for markguard's crawls: outgoing links from {@link PageLinks} instead of
 * a Tika parse. Links are resolved, normalised, filtered and capped as crawler4j's own
 * {@code TikaHtmlParser} does, so the frontier sees the same URLs; the page's text and title, which
 * nothing in the crawl reads (the extractor parses the page itself), are left empty. Relative links
 * resolve against the page's {@code <base href>} as Tika resolves them; a meta refresh target does too
 * (Tika's parser resolved that one against the page URL, which HTML does not).
 */
final class LinkScanningHtmlParser implements HtmlParser {
    /** Targets crawler4j never follows (a link containing any of these). */
    private static final List<String> FORBIDDEN = List.of("about:", "tel:", "data:", "whatsapp:", "javascript:",
            "viber:", "sms:", "android-app:", "fb-messenger:", "mailto:", "@");
    /** Where a page's meta charset is looked for when the HTTP header names none. */
    private static final int CHARSET_SNIFF_BYTES = 2048;

    private final CrawlConfig config;
    private final BasicURLNormalizer normalizer;
    private final TLDList tldList;
    private final WebURLFactory factory;

    LinkScanningHtmlParser(CrawlConfig config, BasicURLNormalizer normalizer, TLDList tldList,
                           WebURLFactory factory) {
        this.config = config;
        this.normalizer = normalizer;
        this.tldList = tldList;
        this.factory = factory;
    }

    @Override
    public HtmlParseData parse(Page page, String contextUrl) {
        byte[] body = page.getContentData() == null ? new byte[0] : page.getContentData();
        Charset charset = charsetOf(page.getContentCharset(), body);
        String html = new String(body, charset);
        PageLinks.Found found = PageLinks.scan(html);
        HtmlParseData data = new HtmlParseData();
        data.setContentCharset(charset.name());
        data.setHtml(html);
        data.setText("");
        data.setMetaTags(found.metaTags());
        data.setOutgoingUrls(outgoing(contextUrl, found));
        return data;
    }

    private Set<WebURL> outgoing(String pageUrl, PageLinks.Found found) {
        String context = pageUrl == null ? "" : pageUrl;
        if (found.base() != null && !found.base().isBlank()) {
            context = UrlResolver.resolveUrl(context, found.base().strip());
        }
        Set<WebURL> urls = new HashSet<>();
        int count = 0;
        for (PageLinks.Link link : found.links()) {
            String href = link.href();
            if (href.isBlank() || forbidden(href.strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String url = normalizer.filter(UrlResolver.resolveUrl(context, href));
            if (url == null) {
                continue;
            }
            WebURL webUrl = factory.newWebUrl();
            webUrl.setTldList(tldList);
            webUrl.setURL(url);
            webUrl.setTag(link.tag());
            webUrl.setAttributes(link.attributes());
            urls.add(webUrl);
            if (++count > config.getMaxOutgoingLinksToFollow()) {
                break; // crawler4j's cap, counted the same way
            }
        }
        return urls;
    }

    private static boolean forbidden(String lowerCaseHref) {
        for (String f : FORBIDDEN) {
            if (lowerCaseHref.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The charset the HTTP header names, else a byte-order mark's, else the page's meta charset, else
     * UTF-8; a name the JVM does not know falls through to the next.
     */
    static Charset charsetOf(String headerCharset, byte[] body) {
        Charset named = known(headerCharset);
        if (named != null) {
            return named;
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (body.length >= 2 && ((body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF
                || (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        String head = new String(body, 0, Math.min(body.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (int at = head.indexOf("charset"); at >= 0; at = head.indexOf("charset", at + 7)) {
            if (head.lastIndexOf("<meta", at) < 0) {
                continue;
            }
            int i = at + 7;
            while (i < head.length() && (head.charAt(i) == ' ' || head.charAt(i) == '=' || head.charAt(i) == '"'
                    || head.charAt(i) == '\'')) {
                i++;
            }
            int start = i;
            while (i < head.length() && (Character.isLetterOrDigit(head.charAt(i)) || "-_.:".indexOf(head.charAt(i)) >= 0)) {
                i++;
            }
            Charset sniffed = known(head.substring(start, i));
            if (sniffed != null) {
                return sniffed;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Charset known(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            return null; // unknown or malformed name
        }
    }
}
