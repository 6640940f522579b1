package org.markguard.capture;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.markguard.api.CaptureStore;
import org.markguard.api.HttpExchange;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Raw captures as WARC/1.1 files ({@code markguard-<UTC time>-<serial>.warc.gz}, one gzip member
 * per record), written with jwarc. Each file starts with a {@code warcinfo} record; each
 * {@link #store} appends a {@code response} record (status line, headers, exact body bytes) and
 * then its {@code request} record, linked both ways by {@code WARC-Concurrent-To}, both with
 * sha256 (hex) {@code WARC-Block-Digest} and the response with a sha256 {@code WARC-Payload-Digest}.
 * {@code WARC-Date} is the fetch time with its fractional seconds (WARC/1.1 allows them), {@code WARC-IP-Address} the server address when known.
 *
 * <p><b>Headers that no longer describe the body.</b> The crawler hands over the body as its HTTP
 * client delivered it: chunked framing removed and often a gzip/deflate coding undone. Writing the
 * server's {@code Transfer-Encoding}/{@code Content-Encoding}/{@code Content-Length} next to such a
 * body would make the record lie (a replay tool would try to un-chunk or gunzip plain bytes, and a
 * validator would find the length wrong). So, as Heritrix-style crawlers do, a header that no
 * longer holds is kept under the name {@code X-Crawler-<name>}: {@code Transfer-Encoding} always
 * (no client passes framing through), {@code Content-Encoding} when the body does not start with
 * that coding's magic bytes (gzip, deflate/zlib, zstd; a coding without magic bytes, br, is assumed
 * still applied), {@code Content-Length} when it differs from the body stored. Nothing else is
 * changed, and the order of headers is kept.
 *
 * <p><b>Secrets.</b> Values of the configured request headers (by default {@code Cookie} and
 * {@code Authorization}) are written as {@code [redacted]}; the warcinfo record of each file says so.
 *
 * <p><b>Durability.</b> {@link #store} returns only after its records are fsync'ed (group commit:
 * concurrent stores share one fsync). Records are compressed outside the lock, so threads compress
 * in parallel and only the append itself is serialised. Files are never reopened for appending: a
 * crash leaves at most a truncated last record, and the records before it stay readable.
 */
public final class WarcCaptureStore implements CaptureStore, Closeable {
    static final String DEFAULT_DIRECTORY = "${karaf.data}/markguard/captures";
    static final long DEFAULT_MAX_FILE_BYTES = 1_000_000_000L;
    static final String DEFAULT_REDACTED_HEADERS = "Cookie, Authorization";

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path directory;
    private final long maxFileBytes;
    private final Set<String> redactedLowerCase;
    private final List<String> redactedNames;
    private final ReentrantLock appendLock = new ReentrantLock();
    private WarcFile current; // guarded by appendLock
    private long currentCaptures; // guarded by appendLock
    private int serial; // guarded by appendLock
    private boolean closed; // guarded by appendLock

    public WarcCaptureStore(Path directory, long maxFileBytes, List<String> redactedRequestHeaders)
            throws IOException {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.directory = directory;
        this.maxFileBytes = maxFileBytes;
        this.redactedNames = List.copyOf(redactedRequestHeaders);
        this.redactedLowerCase = redactedNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Files.createDirectories(directory);
    }

    /** Resolves {@code ${karaf.data}} (java.io.tmpdir when that property is not set). */
    static Path resolveDirectory(String configured) {
        String karafData = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return Path.of(configured.replace("${karaf.data}", karafData));
    }

    /** Splits a comma-separated list of header names (.cfg values do not split on commas). */
    static List<String> headerNames(String commaSeparated) {
        return Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Path directory() {
        return directory;
    }

    @Override
    public String store(HttpExchange exchange) throws IOException {
        String target = HttpMessages.targetUri(exchange.url());
        URI responseId = newRecordId();
        URI requestId = newRecordId();
        Optional<InetAddress> ip = ipLiteral(exchange.remoteAddress());

        byte[] responseMessage = HttpMessages.response(exchange.statusCode(), exchange.reason(),
                HttpMessages.storedResponseHeaders(exchange.responseHeaders(), exchange.body()), exchange.body());
        WarcResponse.Builder response = new WarcResponse.Builder(target)
                .version(MessageVersion.WARC_1_1).recordId(responseId).date(exchange.fetchTime())
                .body(MediaType.HTTP_RESPONSE, responseMessage)
                .setHeader("WARC-Block-Digest", sha256(responseMessage))
                .setHeader("WARC-Payload-Digest", sha256(exchange.body()))
                .concurrentTo(requestId);
        byte[] requestMessage = HttpMessages.request(exchange.method(), target, exchange.requestHeaders(),
                redactedLowerCase);
        WarcRequest.Builder request = new WarcRequest.Builder(target)
                .version(MessageVersion.WARC_1_1).recordId(requestId).date(exchange.fetchTime())
                .body(MediaType.HTTP_REQUEST, requestMessage)
                .setHeader("WARC-Block-Digest", sha256(requestMessage))
                .concurrentTo(responseId);
        ip.ifPresent(response::ipAddress);
        ip.ifPresent(request::ipAddress);
        byte[] responseGz = WarcFile.gzip(response.build());
        byte[] requestGz = WarcFile.gzip(request.build());

        WarcFile file;
        long offset;
        appendLock.lock();
        try {
            file = fileFor(responseGz.length + requestGz.length);
            offset = file.append(responseGz, requestGz);
            currentCaptures++;
        } finally {
            appendLock.unlock();
        }
        file.syncTo(offset + responseGz.length + requestGz.length);
        return new CaptureRef(file.name(), offset, responseId.toString()).toString();
    }

    @Override
    public Optional<HttpExchange> read(String captureRef) throws IOException {
        Optional<CaptureRef> parsed = CaptureRef.parse(captureRef);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        CaptureRef ref = parsed.get();
        Path path = directory.resolve(ref.fileName());
        if (!Files.isRegularFile(path) || ref.offset() >= Files.size(path)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.position(ref.offset());
            WarcReader reader = new WarcReader(channel);
            Optional<WarcRecord> first = reader.next();
            if (first.isEmpty() || !(first.get() instanceof WarcResponse response)
                    || !response.id().toString().equals(ref.recordId())) {
                return Optional.empty();
            }
            HttpMessages.Parsed http = HttpMessages.parse(response.body().stream().readAllBytes());
            WarcRequest request = reader.next()
                    .filter(r -> r instanceof WarcRequest && ((WarcRequest) r).concurrentTo().contains(response.id()))
                    .map(WarcRequest.class::cast)
                    .orElseThrow(() -> new IOException("capture " + ref + ": its request record is missing"));
            HttpMessages.Parsed sent = HttpMessages.parse(request.body().stream().readAllBytes());
            return Optional.of(toExchange(response, http, sent));
        } catch (IOException | RuntimeException e) {
            throw new IOException("capture " + ref + " cannot be read (damaged file?): " + e.getMessage(), e);
        }
    }

    @Override
    public boolean copyRecords(String captureRef, java.io.OutputStream out) throws IOException {
        if (read(captureRef).isEmpty()) { // also proves the record id is the one at that offset
            return false;
        }
        CaptureRef ref = CaptureRef.parse(captureRef).orElseThrow();
        try (FileChannel channel = FileChannel.open(directory.resolve(ref.fileName()), StandardOpenOption.READ)) {
            long info = GzipMembers.length(channel, 0);
            long response = GzipMembers.length(channel, ref.offset());
            long request = GzipMembers.length(channel, ref.offset() + response);
            GzipMembers.copy(channel, 0, info, out);
            GzipMembers.copy(channel, ref.offset(), response + request, out);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        appendLock.lock();
        try {
            closed = true;
            if (current != null) {
                current.close();
                current = null;
            }
        } finally {
            appendLock.unlock();
        }
    }

    private static HttpExchange toExchange(WarcResponse response, HttpMessages.Parsed http,
                                           HttpMessages.Parsed sent) throws IOException {
        String[] status = http.startLine().split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("bad stored status line: " + http.startLine());
        }
        String method = sent.startLine().split(" ", 2)[0];
        return new HttpExchange(response.target(), method, sent.headers(), Integer.parseInt(status[1]),
                status.length > 2 ? status[2] : "", http.headers(), http.body(), response.date(),
                response.ipAddress().map(InetAddress::getHostAddress).orElse(null));
    }

    /** The file to append {@code length} bytes to: the current one, or a new one once it is full. */
    private WarcFile fileFor(long length) throws IOException {
        if (closed) {
            throw new IOException("capture store is closed");
        }
        if (current != null && currentCaptures > 0 && current.size() + length > maxFileBytes) {
            current.close();
            current = null;
        }
        if (current == null) {
            current = newFile();
            currentCaptures = 0;
        }
        return current;
    }

    private WarcFile newFile() throws IOException {
        String time = FILE_TIME.format(Instant.now());
        while (true) {
            String name = String.format(Locale.ROOT, "markguard-%s-%05d.warc.gz", time, ++serial);
            try {
                return WarcFile.create(directory, name, warcinfoFields());
            } catch (FileAlreadyExistsException taken) {
                // a file of an earlier run in the same second: take the next serial
            }
        }
    }

    private Map<String, List<String>> warcinfoFields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("markguard-capture (jwarc)"));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        fields.put("description", List.of("Raw captures of marketplace pages kept as evidence. Values of the request "
                + "headers " + (redactedNames.isEmpty() ? "(none)" : String.join(", ", redactedNames))
                + " are replaced by " + HttpMessages.REDACTED + ". Response headers named "
                + HttpMessages.RENAMED_PREFIX + "* were received under the name without that prefix and no"
                + " longer describe the stored body (framing or coding already undone by the HTTP client)."));
        return fields;
    }

    private static URI newRecordId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    /**
     * A digest field value, {@code sha256:<hex>}. sha1 is broken for evidence; jwarc's own builder
     * methods write base32, which for 32 bytes needs '=' padding that WARC/1.1 header syntax (and
     * {@code jwarc validate}) rejects, so the header is set directly; jwarc reads hex back fine.
     */
    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An IP literal as an address, without any DNS lookup; empty for a host name or garbage. */
    static Optional<InetAddress> ipLiteral(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a)); // a literal: parsed, never resolved
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** For tests and the component: every file this store has written to, oldest first. */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(directory)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().forEach(files::add);
        }
        return files;
    }
}
