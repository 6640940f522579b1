package org.markguard.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.markguard.api.HttpExchange;
import org.markguard.api.HttpExchange.Header;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcCaptureStoreTest {
    private static final List<String> REDACT = List.of("Cookie", "Authorization");

    @TempDir
    Path dir;

    static HttpExchange exchange(int i, Random random) {
        byte[] body;
        String type;
        switch (i % 4) {
            case 0 -> {
                body = new byte[random.nextInt(20_000)];
                random.nextBytes(body); // binary, e.g. an image
                type = "image/jpeg";
            }
            case 1 -> {
                body = ("<html><head><title>Nước mắm Phú Quốc " + i + "</title></head><body>"
                        + "<h1>Cà phê Buôn Ma Thuột – đặc sản chính hiệu</h1><p>Giá: 150.000 ₫</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            }
            case 2 -> {
                body = new byte[0];
                type = "text/plain";
            }
            default -> {
                body = ("{\"id\":" + i + ",\"name\":\"Bưởi Năm Roi\"}").getBytes(StandardCharsets.UTF_8);
                type = "application/json";
            }
        }
        List<Header> responseHeaders = List.of(
                new Header("Content-Type", type),
                new Header("Content-Length", Integer.toString(body.length)),
                new Header("Set-Cookie", "a=1; Path=/"),
                new Header("Set-Cookie", "b=2; Path=/"),
                // UTF-8 bytes of a Vietnamese file name as a Latin-1 client decodes them
                new Header("Content-Disposition", new String("attachment; filename=\"gạo ST25.pdf\""
                        .getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
                new Header("X-Shop", "Cua hang Da Lat"),
                new Header("X-Empty", ""));
        List<Header> requestHeaders = List.of(
                new Header("Host", "shop.example.vn"),
                new Header("User-Agent", "markguard/0.1"),
                new Header("Accept-Language", "vi-VN,vi;q=0.9"));
        return new HttpExchange("https://shop.example.vn/san-pham/" + i + "?q=n%C6%B0%E1%BB%9Bc&p=" + i,
                "GET", requestHeaders, i % 7 == 0 ? 404 : 200, i % 7 == 0 ? "Not Found" : "OK",
                responseHeaders, body, Instant.parse("2026-12-01T06:50:12.123456Z").plusSeconds(i),
                i % 3 == 0 ? null : "203.0.113." + (i % 250));
    }

    static void assertSameExchange(HttpExchange expected, HttpExchange actual) {
        assertEquals(expected.url(), actual.url());
        assertEquals(expected.method(), actual.method());
        assertEquals(expected.requestHeaders(), actual.requestHeaders());
        assertEquals(expected.statusCode(), actual.statusCode());
        assertEquals(expected.reason(), actual.reason());
        assertEquals(expected.responseHeaders(), actual.responseHeaders());
        assertArrayEquals(expected.body(), actual.body());
        assertEquals(expected.fetchTime(), actual.fetchTime());
        assertEquals(expected.remoteAddress(), actual.remoteAddress());
    }

    @Test
    void manyExchangesReadBackByteForByteAndPassJwarcValidation() throws Exception {
        Random random = new Random(42);
        List<HttpExchange> stored = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            for (int i = 0; i < 300; i++) {
                HttpExchange e = exchange(i, random);
                stored.add(e);
                refs.add(store.store(e));
            }
            for (int i = 0; i < stored.size(); i++) {
                assertTrue(refs.get(i).matches("warc:markguard-\\d{14}-\\d{5}\\.warc\\.gz#\\d+;urn:uuid:[0-9a-f-]{36}"),
                        refs.get(i));
                assertSameExchange(stored.get(i), store.read(refs.get(i)).orElseThrow());
            }
            JwarcValidation.assertValid(store.files());
            assertEquals(1, store.files().size());
        }
    }

    @Test
    void headersTheClientAlreadyUndidAreRenamedSoTheRecordMatchesItsBody() throws Exception {
        byte[] html = "<p>Trà Thái Nguyên</p>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(html);
        }
        HttpExchange decoded = new HttpExchange("http://127.0.0.1/tra", "GET", List.of(), 200, "OK",
                List.of(new Header("Content-Encoding", "gzip"), new Header("Transfer-Encoding", "chunked"),
                        new Header("Content-Length", "999")), html, Instant.now(), "127.0.0.1");
        HttpExchange stillGzipped = new HttpExchange("http://127.0.0.1/tra.gz", "GET", List.of(), 200, "OK",
                List.of(new Header("Content-Encoding", "gzip"),
                        new Header("Content-Length", Integer.toString(gz.size()))), gz.toByteArray(), Instant.now(), null);
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            HttpExchange back = store.read(store.store(decoded)).orElseThrow();
            assertEquals(List.of(new Header("X-Crawler-Content-Encoding", "gzip"),
                    new Header("X-Crawler-Transfer-Encoding", "chunked"),
                    new Header("X-Crawler-Content-Length", "999")), back.responseHeaders());
            assertArrayEquals(html, back.body());
            HttpExchange kept = store.read(store.store(stillGzipped)).orElseThrow();
            assertEquals(stillGzipped.responseHeaders(), kept.responseHeaders());
            assertArrayEquals(gz.toByteArray(), kept.body());
            JwarcValidation.assertValid(store.files());
        }
    }

    @Test
    void aHeaderBeyondLatin1IsWrittenAsUtf8AndReadAsTheWireBytesDecode() throws Exception {
        HttpExchange e = new HttpExchange("http://127.0.0.1/", "GET", List.of(), 200, "OK",
                List.of(new Header("X-Shop", "Cửa hàng Đà Lạt")), new byte[0], Instant.now(), null);
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            HttpExchange back = store.read(store.store(e)).orElseThrow();
            String wire = new String("Cửa hàng Đà Lạt".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertEquals(List.of(new Header("X-Shop", wire)), back.responseHeaders());
            JwarcValidation.assertValid(store.files());
        }
    }

    @Test
    void fourThreadsStoringConcurrentlyLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 200;
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<String[]>>> results = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(thread);
                    List<String[]> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        HttpExchange e = exchange(thread * 1000 + i, random);
                        mine.add(new String[] {store.store(e), e.url()});
                    }
                    return mine;
                }));
            }
            Set<String> refs = new HashSet<>();
            List<String[]> all = new ArrayList<>();
            for (Future<List<String[]>> f : results) {
                all.addAll(f.get());
            }
            long elapsed = System.nanoTime() - start;
            pool.shutdown();
            System.out.printf("capture: %d concurrent store() in %d ms (%.2f ms per record, 4 threads)%n",
                    all.size(), elapsed / 1_000_000, elapsed / 1e6 / all.size());
            for (String[] pair : all) {
                assertTrue(refs.add(pair[0]), "duplicate ref " + pair[0]);
                assertEquals(pair[1], store.read(pair[0]).orElseThrow().url());
            }
            assertEquals(threads * perThread, refs.size());
            JwarcValidation.assertValid(store.files());
        }
    }

    @Test
    void secretsAreRedactedOnDiskAndTheWarcinfoSaysSo() throws Exception {
        HttpExchange e = new HttpExchange("https://shop.example.vn/account", "GET",
                List.of(new Header("Host", "shop.example.vn"), new Header("cookie", "SESSION=s3cr3t-cookie"),
                        new Header("Authorization", "Bearer s3cr3t-token"), new Header("Accept", "*/*")),
                200, "OK", List.of(new Header("Content-Type", "text/plain")), "ok".getBytes(StandardCharsets.UTF_8),
                Instant.now(), "198.51.100.7");
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            HttpExchange back = store.read(store.store(e)).orElseThrow();
            assertEquals(List.of(new Header("Host", "shop.example.vn"), new Header("cookie", "[redacted]"),
                    new Header("Authorization", "[redacted]"), new Header("Accept", "*/*")), back.requestHeaders());
            String everything = gunzipAll(store.files().get(0));
            assertFalse(everything.contains("s3cr3t"), "a secret reached the disk");
            assertTrue(everything.contains("Values of the request headers Cookie, Authorization are replaced"));
            JwarcValidation.assertValid(store.files());
        }
    }

    @Test
    void rollsOverToANewFileWhenTheCurrentOneIsFull() throws Exception {
        Random random = new Random(7);
        List<String> refs = new ArrayList<>();
        List<HttpExchange> stored = new ArrayList<>();
        try (WarcCaptureStore store = new WarcCaptureStore(dir, 50_000, REDACT)) {
            for (int i = 0; i < 60; i++) {
                HttpExchange e = exchange(i * 4, random); // binary bodies, ~10 kB each
                stored.add(e);
                refs.add(store.store(e));
            }
            List<Path> files = store.files();
            assertTrue(files.size() >= 5, "expected several files, got " + files);
            for (Path f : files) {
                assertTrue(Files.size(f) <= 50_000 + 25_000, f + " is " + Files.size(f) + " bytes");
            }
            assertEquals(files.size(), refs.stream().map(r -> r.substring(0, r.indexOf('#'))).distinct().count());
            for (int i = 0; i < refs.size(); i++) {
                assertSameExchange(stored.get(i), store.read(refs.get(i)).orElseThrow());
            }
            JwarcValidation.assertValid(files);
        }
    }

    @Test
    void aTruncatedLastRecordAfterACrashDoesNotHideTheEarlierOnes() throws Exception {
        Random random = new Random(3);
        List<String> refs = new ArrayList<>();
        List<HttpExchange> stored = new ArrayList<>();
        Path file;
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            for (int i = 0; i < 10; i++) {
                HttpExchange e = exchange(i, random);
                stored.add(e);
                refs.add(store.store(e));
            }
            file = store.files().get(0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 40); // the crash cut the last request record
        }
        try (WarcCaptureStore reopened = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            for (int i = 0; i < 9; i++) {
                assertSameExchange(stored.get(i), reopened.read(refs.get(i)).orElseThrow());
            }
            assertThrows(IOException.class, () -> reopened.read(refs.get(9)));
            String next = reopened.store(exchange(11, random));
            assertFalse(next.contains(file.getFileName().toString()), "appended to a damaged file");
            assertTrue(reopened.read(next).isPresent());
            JwarcValidation.assertValid(reopened.directory().resolve(next.substring(5, next.indexOf('#'))));
        }
    }

    @Test
    void unknownReferencesAreEmpty() throws Exception {
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            String ref = store.store(exchange(1, new Random(1)));
            String otherId = ref.substring(0, ref.indexOf(';') + 1) + "urn:uuid:00000000-0000-0000-0000-000000000000";
            assertEquals(Optional.empty(), store.read(otherId));
            assertEquals(Optional.empty(), store.read("warc:markguard-nope-00001.warc.gz#0;"
                    + "urn:uuid:00000000-0000-0000-0000-000000000000"));
            assertEquals(Optional.empty(), store.read("warc:../../etc/passwd#0;urn:uuid:x"));
            assertEquals(Optional.empty(), store.read("nonsense"));
            assertEquals(Optional.empty(), store.read(null));
        }
    }

    @Test
    void theValidatorUsedAboveDoesCatchABadDigest() throws Exception {
        Path bad = dir.resolve("bad.warc.gz");
        byte[] message = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1);
        try (WarcWriter writer = new WarcWriter(FileChannel.open(bad, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(new WarcResponse.Builder("http://127.0.0.1/").date(Instant.now())
                    .body(MediaType.HTTP_RESPONSE, message)
                    .payloadDigest(new WarcDigest("sha256", new byte[32])).build());
        }
        assertThrows(AssertionError.class, () -> JwarcValidation.assertValid(bad));
    }

    @Test
    void storeCostIncludingFsync() throws Exception {
        Random random = new Random(5);
        try (WarcCaptureStore store = new WarcCaptureStore(dir, WarcCaptureStore.DEFAULT_MAX_FILE_BYTES, REDACT)) {
            store.store(exchange(1, random)); // opens the file
            int n = 200;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                store.store(exchange(1, random)); // a ~300-byte HTML page
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("capture: sequential store() of a small page incl. fsync: %.2f ms per record%n",
                    elapsed / 1e6 / n);
        }
    }

    private static String gunzipAll(Path file) throws IOException {
        // GZIPInputStream reads concatenated members, so this is the whole uncompressed file
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
