package org.markguard.extract;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/** Text clean-up shared by all sources, so every field is normalised the same way. */
final class Text {
    // \s misses the no-break and zero-width spaces that shop pages are full of
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2000-\\u200b\\u202f\\u205f\\u3000\\ufeff]+");
    private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]|&(#?\\w+);");
    private static final Pattern ENTITY = Pattern.compile("&(#?\\w+);");

    private Text() {
    }

    /**
     * Crawled text as text: NFC-normalised (pages arrive in NFD or windows-1258, whose tone marks
     * decode as combining characters), character entities decoded (JSON values often carry
     * "&amp;"), whitespace collapsed and trimmed. What looks like markup stays: a seller who types
     * {@code <img src=x>} or {@code <script>} into a title typed text, and it is shown escaped later;
     * parsing it would drop it.
     *
     * @return the clean text, or null when nothing but whitespace is left
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = nfc(raw);
        if (text.indexOf('&') >= 0 && ENTITY.matcher(text).find()) {
            text = nfc(Parser.unescapeEntities(text, false));
        }
        text = collapseSpaces(text);
        return text.isEmpty() ? null : text;
    }

    /**
     * A value whose format is HTML (descriptions in JSON-LD and embedded application JSON): its
     * text, as {@link #clean} gives it, with the markup turned into plain text.
     */
    static String cleanMarkup(String raw) {
        if (raw == null) {
            return null;
        }
        String text = nfc(raw);
        if ((text.indexOf('<') >= 0 || text.indexOf('&') >= 0) && MARKUP.matcher(text).find()) {
            text = nfc(Jsoup.parseBodyFragment(text).text());
        }
        text = collapseSpaces(text);
        return text.isEmpty() ? null : text;
    }

    /** Each run of {@link #SPACES} characters as one space, then stripped: the regex's result, by one scan. */
    static String collapseSpaces(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < n && isSpace(text.charAt(end))) {
                end++;
            }
            if (out == null && (c != ' ' || end - i > 1)) {
                out = new StringBuilder(n).append(text, 0, i);
            }
            if (out != null) {
                out.append(' ');
            }
            i = end - 1;
        }
        return (out == null ? text : out.toString()).strip();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == '\u00a0' || c >= '\u2000' && c <= '\u200b'
                || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff';
    }

    /**
     * Whether the element's text has more than {@code max} visible characters, counted without
     * building the text (a lower bound of {@code text().strip().length()}: whitespace, no-break
     * and invisible characters are not counted). Stops counting as soon as the answer is known.
     */
    static boolean visibleLengthExceeds(Element element, int max) {
        int[] count = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    count[0] += visibleChars(text.getWholeText(), max - count[0] + 1);
                }
                return count[0] > max ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, element);
        return count[0] > max;
    }

    /** Whether the element's text is blank (what {@code text().isBlank()} says, without building it). */
    static boolean hasNoText(Element element) {
        return !visibleLengthExceeds(element, 0);
    }

    private static int visibleChars(String text, int enough) {
        int n = 0;
        for (int i = 0; i < text.length() && n < enough; i++) {
            n += isVisible(text.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    /** Not whitespace, no-break or invisible: a character that text() keeps and strip() does not remove. */
    static boolean isVisible(char c) {
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\u200b' && c != '\u00ad';
    }

    /**
     * A script's content: the one data node's own string when there is one (what parsing gives),
     * else {@code data()}, which copies every part into a new string, megabytes on some pages.
     */
    static String scriptData(Element script) {
        if (script.childNodeSize() == 1 && script.childNode(0) instanceof DataNode data) {
            return data.getWholeData();
        }
        return script.data();
    }

    /** Whether the value appears in the text of the page's body (not in attributes or scripts). */
    static boolean shown(Document doc, String value) {
        boolean[] found = {false};
        Element root = doc.body() == null ? doc : doc.body();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text && text.getWholeText().contains(value)) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return found[0];
    }

    /** NFC; text without combining marks (all below U+0300, the first not NFC-stable) is returned as it is. */
    static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /** Cuts a text to at most {@code max} chars without splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }

    /** A short, single-line form of an exception message for warnings. */
    static String brief(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = SPACES.matcher(message).replaceAll(" ").strip();
        return message.length() > 160 ? message.substring(0, 160) + "…" : message;
    }
}
