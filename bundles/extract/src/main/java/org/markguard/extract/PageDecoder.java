package org.markguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.markguard.api.FetchedPage;

/** Bytes to a jsoup document, with the charset chosen as browsers choose it. */
final class PageDecoder {
    /** Larger bodies are cut: no product page is this big, and parsing time grows with size. */
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    /**
     * Parses the page. The charset is the Content-Type header's if it names one Java knows
     * (undeclared windows-1258 can only be decoded that way); otherwise jsoup sniffs a BOM or
     * {@code <meta charset>} / http-equiv in the first bytes, and falls back to UTF-8.
     */
    static Document parse(FetchedPage page, List<String> warnings) {
        byte[] body = page.body();
        int length = body.length;
        if (length > MAX_BODY) {
            warnings.add("body of " + length + " bytes cut to " + MAX_BODY + " bytes before parsing");
            length = MAX_BODY;
        }
        String charset = headerCharset(page.contentType(), warnings);
        try {
            return Jsoup.parse(new ByteArrayInputStream(body, 0, length), charset, page.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown for in-memory input
        }
    }

    /** The charset named in a Content-Type header, if Java supports it; else null. */
    static String headerCharset(String contentType, List<String> warnings) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).strip();
        try {
            if (Charset.isSupported(name)) {
                return Charset.forName(name).name();
            }
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException: reported below like an unknown one
        }
        warnings.add("unknown charset '" + name + "' in Content-Type; the page's own declaration or UTF-8 is used");
        return null;
    }

    /** Content types that cannot hold an HTML product page (PDF support comes later). */
    static boolean isNotHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")
                || type.startsWith("font/") || type.startsWith("application/pdf")
                || type.startsWith("application/zip") || type.startsWith("application/javascript")
                || type.startsWith("text/css");
    }
}
