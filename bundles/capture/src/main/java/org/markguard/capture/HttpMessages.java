package org.markguard.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.markguard.api.HttpExchange.Header;

/**
 * Turns the parts of an {@link org.markguard.api.HttpExchange} into the HTTP/1.1 messages stored in
 * WARC records, and back.
 *
 * <p>Header lines are written as ISO-8859-1, the byte-for-char decoding HTTP clients apply, so the
 * bytes on disk are the bytes of the wire (a UTF-8 file name a Latin-1 client handed over as
 * "gáº¡o" is on disk as the UTF-8 bytes of "gạo" again) and read back as ISO-8859-1, so such values
 * round-trip exactly. A line holding a character beyond U+00FF, which no wire byte decodes to, can
 * only be written as UTF-8; it reads back as the ISO-8859-1 decoding of those bytes, i.e. as a
 * byte-faithful client would have seen it.
 */
final class HttpMessages {
    static final String REDACTED = "[redacted]";
    /** Prefix of headers kept for the record but renamed because they no longer describe the body. */
    static final String RENAMED_PREFIX = "X-Crawler-";

    private static final byte[] CRLF = {'\r', '\n'};

    private HttpMessages() {
    }

    /** A parsed HTTP message: its start line, headers in order and body. */
    record Parsed(String startLine, List<Header> headers, byte[] body) {
    }

    /** The URI as stored in WARC-Target-URI: the URL itself, ASCII-escaped when it is not ASCII. */
    static String targetUri(String url) {
        if (url.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        try {
            return new URI(url).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }

    /** The request message: request line, headers (secrets redacted), blank line, no body. */
    static byte[] request(String method, String targetUri, List<Header> headers, Set<String> redactedLowerCase) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        writeLine(out, method + " " + requestTarget(targetUri) + " HTTP/1.1");
        for (Header h : headers) {
            boolean secret = redactedLowerCase.contains(h.name().toLowerCase(Locale.ROOT));
            writeLine(out, h.name() + ": " + (secret ? REDACTED : h.value()));
        }
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    /** The response message: status line, headers as {@link #storedResponseHeaders}, blank line, body. */
    static byte[] response(int status, String reason, List<Header> storedHeaders, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        writeLine(out, String.format(Locale.ROOT, "HTTP/1.1 %03d %s", status, reason));
        for (Header h : storedHeaders) {
            writeLine(out, h.name() + ": " + h.value());
        }
        out.writeBytes(CRLF);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * The response headers as they must be stored so that the record describes the body it holds:
     * the crawler hands over the entity as its HTTP client delivered it, so framing and codings the
     * client already undid are renamed with {@link #RENAMED_PREFIX} (kept, not dropped: they are part
     * of what the server said). Order and every other header are kept.
     */
    static List<Header> storedResponseHeaders(List<Header> received, byte[] body) {
        List<Header> stored = new ArrayList<>(received.size());
        for (Header h : received) {
            String name = h.name().toLowerCase(Locale.ROOT);
            boolean undone = switch (name) {
                // every HTTP client removes chunked framing before handing the body over
                case "transfer-encoding" -> true;
                case "content-encoding" -> !stillEncoded(h.value(), body);
                case "content-length" -> !h.value().strip().equals(Integer.toString(body.length));
                default -> false;
            };
            stored.add(undone ? new Header(RENAMED_PREFIX + h.name(), h.value()) : h);
        }
        return stored;
    }

    /**
     * Whether the body still carries the outermost content coding named. gzip, deflate (zlib) and
     * zstd are recognised by their magic bytes; a coding without one (br) cannot be told from plain
     * bytes and is assumed still applied, which is what HTTP clients without a decoder for it do.
     */
    static boolean stillEncoded(String contentEncoding, byte[] body) {
        String[] codings = contentEncoding.split(",");
        String outer = codings[codings.length - 1].strip().toLowerCase(Locale.ROOT);
        int b0 = body.length > 0 ? body[0] & 0xff : -1;
        int b1 = body.length > 1 ? body[1] & 0xff : -1;
        return switch (outer) {
            case "gzip", "x-gzip" -> b0 == 0x1f && b1 == 0x8b;
            case "deflate" -> (b0 & 0x0f) == 8 && b1 >= 0 && (b0 * 256 + b1) % 31 == 0;
            case "zstd" -> body.length >= 4 && b0 == 0x28 && b1 == 0xb5 && (body[2] & 0xff) == 0x2f
                    && (body[3] & 0xff) == 0xfd;
            case "", "identity" -> false;
            default -> true;
        };
    }

    /** Splits a stored HTTP message into start line, headers and body. */
    static Parsed parse(byte[] message) throws IOException {
        int end = indexOfBlankLine(message);
        if (end < 0) {
            throw new IOException("stored HTTP message has no end of headers");
        }
        List<Header> headers = new ArrayList<>();
        String startLine = null;
        int lineStart = 0;
        while (lineStart < end) {
            int lineEnd = indexOfCrlf(message, lineStart);
            String line = decodeLine(message, lineStart, lineEnd);
            if (startLine == null) {
                startLine = line;
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("malformed stored header line: " + line);
                }
                int valueStart = colon + 1 < line.length() && line.charAt(colon + 1) == ' ' ? colon + 2 : colon + 1;
                headers.add(new Header(line.substring(0, colon), line.substring(valueStart)));
            }
            lineStart = lineEnd + 2;
        }
        byte[] body = java.util.Arrays.copyOfRange(message, end + 4, message.length);
        return new Parsed(startLine == null ? "" : startLine, headers, body);
    }

    private static String requestTarget(String targetUri) {
        try {
            URI uri = new URI(targetUri);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + targetUri, e);
        }
    }

    private static void writeLine(ByteArrayOutputStream out, String line) {
        // a CR or LF inside a value would end the line and corrupt the record; no wire header has one
        String safe = line.replace('\r', ' ').replace('\n', ' ');
        boolean latin1 = safe.chars().allMatch(c -> c <= 0xff);
        out.writeBytes(safe.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }

    private static String decodeLine(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static int indexOfBlankLine(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return b.length;
    }
}
