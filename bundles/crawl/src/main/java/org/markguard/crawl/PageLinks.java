package org.markguard.crawl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The links of an HTML page, found in one pass over its markup: the elements and attributes
 * crawler4j's Tika-based parser takes links from ({@code a}, {@code area}, {@code link} href;
 * {@code img}, {@code iframe}, {@code frame}, {@code embed}, {@code script} src; meta refresh and
 * location), the first {@code <base href>}, and the meta tags (crawler4j reads {@code robots} for
 * noindex). The crawl only needs links to go on, while the extractor parses each page in full anyway:
 * building a DOM and SAX events here as well cost a sixth of Karaf's CPU during a crawl.
 *
 * <p>Tokenised as an HTML parser does where it matters for links: comments, doctype and processing
 * instructions are skipped, the text of script, style, textarea, title and other raw-text elements
 * is not markup, attribute values may be quoted either way or unquoted, character references in them
 * are decoded, and a tag cut off by the end of the page counts for nothing. Crawled pages are hostile:
 * the scan is linear in the page size and never throws for any input.
 */
final class PageLinks {
    /** A link as written in the page: its element, its unresolved target, the element's attributes. */
    record Link(String tag, String href, Map<String, String> attributes) {
    }

    /** What a scan found; {@code base} is null when the page has no {@code <base href>}. */
    record Found(List<Link> links, String base, Map<String, String> metaTags) {
    }

    /** Elements whose content is text up to their end tag, never markup, in an HTML parser. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes");
    private static final Set<String> HREF_LINKS = Set.of("a", "area", "link");
    private static final Set<String> SRC_LINKS = Set.of("img", "iframe", "frame", "embed", "script");
    /**
     * Every element the scan looks at; the others (div, span, li…) are passed over without building
     * their name or attributes, which is most of what a page holds.
     */
    private static final String[] WATCHED = {"a", "area", "link", "img", "iframe", "frame", "embed", "script", "base",
        "meta", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"};

    private final String html;
    private final int end;
    private int pos;
    private final List<Link> links = new ArrayList<>();
    private final Map<String, String> metaTags = new HashMap<>();
    private String base;
    private boolean metaRefreshSeen;
    private boolean metaLocationSeen;

    private PageLinks(String html) {
        this.html = html;
        this.end = html.length();
    }

    static Found scan(String html) {
        PageLinks scan = new PageLinks(html);
        scan.run();
        return new Found(scan.links, scan.base, scan.metaTags);
    }

    private void run() {
        while (pos < end) {
            int lt = html.indexOf('<', pos);
            if (lt < 0 || lt + 1 >= end) {
                return;
            }
            pos = lt + 1;
            char c = html.charAt(pos);
            if (c == '!') {
                skipMarkupDeclaration();
            } else if (c == '?') {
                skipPast('>'); // a processing instruction is a bogus comment in HTML
            } else if (c == '/') {
                pos++;
                if (pos < end && isAsciiLetter(html.charAt(pos))) {
                    skipTagName();
                    attributes(false); // an end tag's attributes are ignored, but a '>' in their quotes is not its end
                } else {
                    skipPast('>');
                }
            } else if (isAsciiLetter(c)) {
                startTag();
            }
            // any other character after '<' is text
        }
    }

    private void startTag() {
        int nameStart = pos;
        skipTagName();
        String name = watched(nameStart, pos - nameStart);
        if (name == null) {
            attributes(false);
            return;
        }
        Map<String, String> attributes = attributes(true);
        if (attributes == null) {
            return; // cut off by the end of the page: not a tag
        }
        element(name, attributes);
        if (RAW_TEXT.contains(name)) {
            skipRawText(name);
        } else if (name.equals("plaintext")) {
            pos = end; // everything after it is text
        }
    }

    private void element(String name, Map<String, String> attributes) {
        if (HREF_LINKS.contains(name)) {
            String href = attributes.get("href");
            if (href != null) {
                links.add(new Link(name, href, attributes));
            }
        } else if (SRC_LINKS.contains(name)) {
            String src = attributes.get("src");
            if (src != null) {
                links.add(new Link(name, src, Map.of()));
            }
        } else if (name.equals("base")) {
            String href = attributes.get("href");
            if (base == null && href != null) {
                base = href; // the first one counts, as in a browser
            }
        } else if (name.equals("meta")) {
            meta(attributes);
        }
    }

    /** Meta tags by http-equiv or name; refresh and location targets are links, as crawler4j has them. */
    private void meta(Map<String, String> attributes) {
        String equiv = attributes.get("http-equiv");
        if (equiv == null) {
            equiv = attributes.get("name");
        }
        String content = attributes.get("content");
        if (equiv == null || content == null) {
            return;
        }
        equiv = equiv.toLowerCase(Locale.ROOT);
        metaTags.put(equiv, content);
        if (equiv.equals("refresh") && !metaRefreshSeen) {
            int at = content.toLowerCase(Locale.ROOT).indexOf("url=");
            if (at >= 0) {
                metaRefreshSeen = true;
                links.add(new Link("meta", content.substring(at + 4), Map.of()));
            }
        } else if (equiv.equals("location") && !metaLocationSeen) {
            metaLocationSeen = true;
            links.add(new Link("meta", content, Map.of()));
        }
    }

    /** Moves past the tag name at {@code pos}: it ends at whitespace, '/' or '>'. */
    private void skipTagName() {
        while (pos < end && !isSpace(html.charAt(pos)) && html.charAt(pos) != '/' && html.charAt(pos) != '>') {
            pos++;
        }
    }

    /** The watched element the name at {@code start} is, in lower case, or null for any other. */
    private String watched(int start, int length) {
        for (String name : WATCHED) {
            if (name.length() == length && html.regionMatches(true, start, name, 0, length)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Reads a tag's attributes up to its closing '>': names in lower case, the first of duplicates
     * kept. Without {@code keep} nothing is built, only the tag's end is found, by the same rules.
     * Returns null when the page ends inside the tag, else the attributes (empty without keep).
     */
    private Map<String, String> attributes(boolean keep) {
        Map<String, String> attributes = keep ? new LinkedHashMap<>() : Map.of();
        while (true) {
            while (pos < end && (isSpace(html.charAt(pos)) || html.charAt(pos) == '/')) {
                pos++;
            }
            if (pos >= end) {
                return null;
            }
            if (html.charAt(pos) == '>') {
                pos++;
                return attributes;
            }
            int nameStart = pos++; // a leading '=' belongs to the name
            while (pos < end && !isSpace(html.charAt(pos)) && "/>=".indexOf(html.charAt(pos)) < 0) {
                pos++;
            }
            int nameEnd = pos;
            while (pos < end && isSpace(html.charAt(pos))) {
                pos++;
            }
            String value = "";
            if (pos < end && html.charAt(pos) == '=') {
                pos++;
                value = attributeValue(keep);
                if (value == null) {
                    return null;
                }
            }
            if (keep) {
                attributes.putIfAbsent(html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT), value);
            }
        }
    }

    /**
     * A quoted or unquoted value at {@code pos}, character references decoded (without {@code keep},
     * "" once past it); null at the page's end.
     */
    private String attributeValue(boolean keep) {
        while (pos < end && isSpace(html.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return null;
        }
        char quote = html.charAt(pos);
        int start;
        int stop;
        if (quote == '"' || quote == '\'') {
            int close = html.indexOf(quote, pos + 1);
            if (close < 0) {
                pos = end; // the rest of the page is inside this tag, as an HTML parser reads it
                return null;
            }
            start = pos + 1;
            stop = close;
            pos = close + 1;
        } else {
            start = pos;
            while (pos < end && !isSpace(html.charAt(pos)) && html.charAt(pos) != '>') {
                pos++;
            }
            stop = pos;
        }
        if (!keep) {
            return "";
        }
        String raw = html.substring(start, stop);
        return raw.indexOf('&') < 0 ? raw : org.jsoup.parser.Parser.unescapeEntities(raw, true);
    }

    /** After {@code <!}: a comment, or a doctype or other declaration (skipped to its '>'). */
    private void skipMarkupDeclaration() {
        if (html.startsWith("!--", pos)) {
            int body = pos + 3;
            if (html.startsWith(">", body) || html.startsWith("->", body)) {
                pos = html.indexOf('>', body) + 1; // "<!-->" and "<!--->" are whole, empty comments
                return;
            }
            // ends at the first "-->" or "--!>"; one forward search, so many comments stay linear
            for (int dash = html.indexOf("--", body); ; dash = html.indexOf("--", dash + 1)) {
                if (dash < 0) {
                    pos = end;
                    return;
                }
                if (html.startsWith(">", dash + 2) || html.startsWith("!>", dash + 2)) {
                    pos = html.indexOf('>', dash + 2) + 1;
                    return;
                }
            }
        } else if (html.regionMatches(true, pos, "![CDATA[", 0, 8)) {
            int close = html.indexOf("]]>", pos);
            pos = close < 0 ? end : close + 3;
        } else {
            skipPast('>');
        }
    }

    /** Skips the text of a raw-text element up to its end tag ({@code </name} in any case). */
    private void skipRawText(String name) {
        while (pos < end) {
            int lt = html.indexOf("</", pos);
            if (lt < 0) {
                pos = end;
                return;
            }
            int after = lt + 2 + name.length();
            if (html.regionMatches(true, lt + 2, name, 0, name.length())
                    && (after >= end || isSpace(html.charAt(after)) || html.charAt(after) == '>'
                    || html.charAt(after) == '/')) {
                pos = lt; // the end tag itself is read as one by the main loop
                return;
            }
            pos = lt + 2;
        }
    }

    private void skipPast(char c) {
        int at = html.indexOf(c, pos);
        pos = at < 0 ? end : at + 1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** HTML whitespace: tab, line feed, form feed, carriage return, space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
