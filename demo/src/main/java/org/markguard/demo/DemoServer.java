package org.markguard.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.markguard.api.Registries;

/** Serves a {@link DemoSite} over HTTP with the JDK's built-in server. */
final class DemoServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final DemoSite site;
    private final String listenUrl;

    private DemoServer(HttpServer server, ExecutorService workers, DemoSite site, String listenUrl) {
        this.server = server;
        this.workers = workers;
        this.site = site;
        this.listenUrl = listenUrl;
    }

    /**
     * Binds, builds the site for the actual port and starts serving.
     *
     * @param baseUrl the base URL pages and labels use; null for {@code http://<bind>:<port>/}
     *     (with 127.0.0.1 when bound to all interfaces)
     */
    static DemoServer start(String bind, int port, long seed, int count, Registries registries, String baseUrl)
            throws IOException {
        return start(bind, port, seed, count, registries, baseUrl, 1);
    }

    /** As above, for a given generation of the site. */
    static DemoServer start(String bind, int port, long seed, int count, Registries registries, String baseUrl,
                            int generation) throws IOException {
        // without TCP_NODELAY, Nagle + delayed ACK hold every keep-alive response ~40 ms: a crawler
        // then measures the demo server, not itself (read once, when the JDK server first starts)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        int actualPort = server.getAddress().getPort();
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String listenUrl = "http://" + host + ":" + actualPort + "/";
        DemoSite site = new DemoSite(seed, count, registries, baseUrl != null ? baseUrl : listenUrl, generation);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
                    Thread t = new Thread(r, "demo-http-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(workers);
        DemoServer demo = new DemoServer(server, workers, site, listenUrl);
        server.createContext("/", demo::handle);
        server.start();
        return demo;
    }

    /** The base URL of pages and labels (the listening URL unless {@code --base-url} overrode it). */
    String baseUrl() {
        return site.links().baseUrl();
    }

    /** Where the server can be reached: {@code http://<bind or 127.0.0.1>:<port>/}. */
    String listenUrl() {
        return listenUrl;
    }

    int port() {
        return server.getAddress().getPort();
    }

    DemoSite site() {
        return site;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // decoded, with path parameters such as ";jsessionid=…" kept (the session trap needs them)
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals(SiteLinks.LABELS) && !head) {
                // streamed: the labels of a large site are written as they are generated
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    site.writeLabels(body);
                }
                return;
            }
            DemoSite.Page page = site.get(path, query, exchange.getRequestHeaders().getFirst("Cookie"));
            AccessLog.record(method, exchange.getRequestURI().getRawPath(), query, page.status());
            send(exchange, page, head);
        } catch (RuntimeException e) {
            // a generator bug must not leave the client hanging
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private static void send(HttpExchange exchange, DemoSite.Page page, boolean head) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", page.contentType());
        if (page.location() != null) {
            exchange.getResponseHeaders().set("Location", page.location());
        }
        if (head || page.body().length == 0) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(page.body().length));
            exchange.sendResponseHeaders(page.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(page.status(), page.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(page.body());
        }
    }

    /**
     * Stops at once. A delay would not help: the JDK 17 server always waits the whole delay, and a
     * SIGTERM'd demo should exit promptly.
     */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
