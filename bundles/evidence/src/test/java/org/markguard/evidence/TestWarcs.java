package org.markguard.evidence;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC files made with jwarc for the tests, shaped like markguard's captures (sha256 hex digests)
 * plus the other digest forms a packet may carry: a chunked response whose payload digest is over
 * the de-chunked body, and a resource record with base32 sha256 and base64 sha1 digests.
 */
final class TestWarcs {
    static final Instant FETCHED = Instant.parse("2024-05-06T07:08:09.123Z");
    static final String PAGE = "<html><body><h1>Nước mắm Phú Quốc 40 độ đạm</h1><p>Giá: 45.000 ₫</p></body></html>";

    private TestWarcs() {
    }

    /** A gzipped WARC/1.1 capture file: warcinfo, response + request, chunked response, resource. */
    static Path writeCapture(Path file) throws IOException {
        return writeCapture(file, WarcCompression.GZIP);
    }

    static Path writeCapture(Path file, WarcCompression compression) throws IOException {
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        byte[] response = http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\n\r\n", body);
        byte[] request = http("GET /p/1 HTTP/1.1\r\nHost: shop.example\r\nUser-Agent: markguard\r\n\r\n", new byte[0]);
        byte[] decoded = "Nước mắm".getBytes(StandardCharsets.UTF_8);
        byte[] chunked = http("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
                fixChunkSizes(decoded));
        byte[] screenshot = "not really a PNG, a resource record".getBytes(StandardCharsets.US_ASCII);
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), compression)) {
            writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).date(FETCHED)
                    .filename(file.getFileName().toString())
                    .fields(Map.of("software", List.of("markguard evidence tests (jwarc)"))).build());
            writer.write(new WarcResponse.Builder("https://shop.example/p/1").version(MessageVersion.WARC_1_1)
                    .date(FETCHED).body(MediaType.HTTP_RESPONSE, response)
                    .setHeader("WARC-Block-Digest", "sha256:" + Digests.hex(Digests.sha256(response)))
                    .setHeader("WARC-Payload-Digest", "sha256:" + Digests.hex(Digests.sha256(body))).build());
            writer.write(new WarcRequest.Builder("https://shop.example/p/1").version(MessageVersion.WARC_1_1)
                    .date(FETCHED).body(MediaType.HTTP_REQUEST, request)
                    .setHeader("WARC-Block-Digest", "sha256:" + Digests.hex(Digests.sha256(request))).build());
            writer.write(new WarcResponse.Builder("https://shop.example/p/2").version(MessageVersion.WARC_1_1)
                    .date(FETCHED).body(MediaType.HTTP_RESPONSE, chunked)
                    .setHeader("WARC-Block-Digest", "sha256:" + Digests.hex(Digests.sha256(chunked)))
                    .setHeader("WARC-Payload-Digest", "sha256:" + Digests.hex(Digests.sha256(decoded))).build());
            writer.write(new WarcResource.Builder(URI.create("urn:markguard:screenshot:1")).version(MessageVersion.WARC_1_1)
                    .date(FETCHED).body(MediaType.parse("image/png"), screenshot)
                    .setHeader("WARC-Block-Digest", "sha1:" + WarcDigestValue.base32(Digests.create("SHA-1").digest(screenshot)))
                    .setHeader("WARC-Payload-Digest", "sha256:" + Digests.hex(Digests.sha256(screenshot))).build());
        }
        return file;
    }

    /**
     * Resource records with digest values jwarc's own validator does not accept but other writers
     * produce: sha256 in base32 with and without '=' padding, sha1 in base64 and base64url.
     */
    static Path writeOtherDigestForms(Path file) throws IOException {
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), WarcCompression.NONE)) {
            int n = 0;
            for (String form : List.of("base32", "base32 padded", "base64", "base64url")) {
                byte[] block = ("record " + (++n) + " digested as " + form).getBytes(StandardCharsets.US_ASCII);
                byte[] sha256 = Digests.sha256(block);
                byte[] sha1 = Digests.create("SHA-1").digest(block);
                String value = switch (form) {
                    case "base32" -> "sha256:" + WarcDigestValue.base32(sha256);
                    case "base32 padded" -> "sha256:" + WarcDigestValue.base32(sha256) + "====";
                    case "base64" -> "sha1:" + Base64.getEncoder().encodeToString(sha1);
                    default -> "sha1:" + Base64.getUrlEncoder().encodeToString(sha1);
                };
                writer.write(new WarcResource.Builder(URI.create("urn:markguard:test:" + n)).date(FETCHED)
                        .body(MediaType.parse("text/plain"), block)
                        .setHeader("WARC-Block-Digest", value).setHeader("WARC-Payload-Digest", value).build());
            }
        }
        return file;
    }

    /** The body as two chunks with correct sizes (counted in bytes, not characters). */
    private static byte[] fixChunkSizes(byte[] decoded) {
        int half = decoded.length / 2;
        byte[] first = java.util.Arrays.copyOfRange(decoded, 0, half);
        byte[] second = java.util.Arrays.copyOfRange(decoded, half, decoded.length);
        return concat(ascii(Integer.toHexString(first.length) + ";ext=1\r\n"), first, ascii("\r\n"),
                ascii(Integer.toHexString(second.length) + "\r\n"), second, ascii("\r\n0\r\n\r\n"));
    }

    private static byte[] http(String head, byte[] body) {
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
