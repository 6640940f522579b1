package org.markguard.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real system Chromium against a server on 127.0.0.1; nothing else is reachable. */
class ChromiumRendererTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static final String TITLE = "Nước mắm Phú Quốc 40 độ đạm";
    static final String PRICE = "185.000 ₫";

    static HttpServer server;
    static String base;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static ChromiumRenderer renderer;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "headless Chromium is missing at " + CHROMIUM
                + ": install it with `apt-get install -y chromium` (Debian packages chromium, chromium-common)");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ChromiumRendererTest::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        renderer = new ChromiumRenderer(new RenderSettings(CHROMIUM, Path.of("/usr/bin/node"), 2,
                Duration.ofSeconds(15), true, "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", work));
        assertEquals(null, renderer.unavailableReason());
    }

    @AfterAll
    static void stop() {
        if (renderer != null) {
            renderer.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        switch (path) {
            case "/product" -> send(exchange, 200, """
                    <!doctype html><html><head><meta charset="utf-8"><title>loading</title></head>
                    <body><div id="app">Đang tải…</div><img src="/logo.png">
                    <script>
                    // the data is not in the HTML as served, not even as text of this script
                    function text(b64) {
                      return new TextDecoder().decode(Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); }));
                    }
                    setTimeout(function () {
                      var app = document.getElementById('app');
                      var title = document.createElement('h' + '1');
                      title.className = 'title';
                      title.textContent = text('%s');
                      var price = document.createElement('span');
                      price.className = 'price';
                      price.textContent = text('%s');
                      app.replaceChildren(title, price);
                      var ld = document.createElement('script');
                      ld.type = 'application/' + 'ld+json';
                      ld.text = JSON.stringify({"@type": "Product", "name": title.textContent, "offers": {"price": 185000}});
                      document.head.appendChild(ld);
                    }, 200);
                    </script></body></html>""".formatted(b64(TITLE), b64(PRICE)));
            case "/members" -> {
                if ("session=s3cr3t".equals(cookie)) {
                    send(exchange, 200, "<html><body><p id=m>chỉ dành cho thành viên</p></body></html>");
                } else {
                    send(exchange, 403, "<html><body>forbidden</body></html>");
                }
            }
            case "/slow" -> {
                sleep(5_000);
                send(exchange, 200, "<html><body>late</body></html>");
            }
            default -> send(exchange, 404, "not here");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("X-Shop", "test");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void renderRunsScriptsAndReturnsTheMainResponse() throws Exception {
        org.markguard.api.HttpExchange page = null;
        for (int i = 0; i < 5; i++) { // the first two also start the two workers' browsers
            long start = System.nanoTime();
            page = renderer.render(base + "/product", Map.of(), Duration.ofSeconds(15));
            System.out.printf("render: render() #%d of a page with a 200 ms script: %d ms%n", i + 1,
                    (System.nanoTime() - start) / 1_000_000);
        }
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertEquals(200, page.statusCode());
        assertTrue(html.contains(TITLE) && html.contains(PRICE), html);
        assertTrue(html.contains("application/ld+json") && html.contains("\"offers\""), html);
        assertTrue(page.responseHeaders().stream().anyMatch(h -> h.name().equalsIgnoreCase("x-shop")));
        assertEquals("127.0.0.1", page.remoteAddress());
        assertFalse(requests.contains("/logo.png"), "images are blocked when rendering");

        String plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/product")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertFalse(plain.contains(TITLE) || plain.contains(PRICE) || plain.contains("application/ld+json"),
                "a plain GET sees the data already?");
        assertTrue(plain.contains("Đang tải"));
    }

    @Test
    void extraHeadersReachTheServerAndContextsDoNotShareCookies() throws Exception {
        org.markguard.api.HttpExchange in = renderer.render(base + "/members", Map.of("Cookie", "session=s3cr3t"),
                Duration.ofSeconds(10));
        assertEquals(200, in.statusCode());
        assertTrue(new String(in.body(), StandardCharsets.UTF_8).contains("chỉ dành cho thành viên"));
        org.markguard.api.HttpExchange out = renderer.render(base + "/members", Map.of(), Duration.ofSeconds(10));
        assertEquals(403, out.statusCode());
    }

    @Test
    void theTimeoutIsHonoured() {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class,
                () -> renderer.render(base + "/slow", Map.of(), Duration.ofSeconds(1)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3_000, "took " + ms + " ms");
        assertTrue(e.getMessage().contains("took longer than 1000 ms"), e.getMessage());
    }

    @Test
    void screenshotIsOfflineWithoutScripts() throws Exception {
        String html = """
                <html><head><meta charset="utf-8"><title>bằng chứng</title></head><body>
                <h1>Cà phê Buôn Ma Thuột</h1>
                <img src="%s/evidence.png"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <script>document.title = 'changed'; fetch('%s/script-ran');
                document.body.innerHTML = '<p>rewritten</p>';</script>
                <div style="height:2000px">tall</div></body></html>""".formatted(base, base);
        int before = requests.size();
        byte[] png = null;
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            png = renderer.screenshot(html.getBytes(StandardCharsets.UTF_8), base + "/product", Duration.ofSeconds(10));
            System.out.printf("render: screenshot() #%d full page: %d ms, %d bytes%n", i + 1,
                    (System.nanoTime() - start) / 1_000_000, png.length);
        }
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
        assertTrue(png.length > 5_000, "PNG of " + png.length + " bytes");
        int height = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
        assertTrue(height > 2000, "full page, not the viewport: height " + height);
        assertEquals(before, requests.size(), "the screenshot made requests: " + requests.subList(before, requests.size()));
    }

    @Test
    void withoutChromiumActivationWorksAndCallsSayWhy() {
        try (ChromiumRenderer missing = new ChromiumRenderer(new RenderSettings(Path.of("/nonexistent/chromium"),
                Path.of("/usr/bin/node"), 1, Duration.ofSeconds(5), true, "", work))) {
            IOException e = assertThrows(IOException.class, () -> missing.render(base + "/product", Map.of(), null));
            assertTrue(e.getMessage().startsWith("headless Chromium not available at /nonexistent/chromium"),
                    e.getMessage());
            assertThrows(IOException.class, () -> missing.screenshot(new byte[0], null, null));
        }
    }

    @Test
    void capturedHtmlIsDecodedInItsDeclaredCharset() {
        byte[] latin1 = "<meta charset=\"iso-8859-1\"><p>café</p>".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(ChromiumRenderer.decode(latin1).contains("café"));
        assertTrue(ChromiumRenderer.decode("<p>Đà Lạt</p>".getBytes(StandardCharsets.UTF_8)).contains("Đà Lạt"));
    }
}
