package org.markguard.evidence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real RFC 3161 time-stamping authority on 127.0.0.1: a CA and a TSA certificate made with
 * {@code openssl req}/{@code openssl x509} (critical timeStamping extended key usage), and an HTTP
 * server piping each query to {@code openssl ts -reply}. It can also misbehave, to test the client.
 */
final class LocalTsa implements AutoCloseable {

    /** How the server answers. */
    enum Behaviour { REPLY, REPLAY_LAST_REPLY, HTTP_500, GARBAGE, TOO_SLOW }

    private final Path directory;
    private final HttpServer server;
    private final AtomicInteger queries = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.REPLY;
    private volatile byte[] lastReply;

    private LocalTsa(Path directory, HttpServer server) {
        this.directory = directory;
        this.server = server;
    }

    static LocalTsa start(Path directory) throws IOException {
        Files.createDirectories(directory);
        makeCertificates(directory);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalTsa tsa = new LocalTsa(directory, server);
        server.createContext("/tsa", tsa::handle);
        server.start();
        return tsa;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    Path tsaCertificate() {
        return directory.resolve("tsa.pem");
    }

    /** Reads a PEM certificate, e.g. {@link #caCertificate()}. */
    static X509Certificate certificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException(pem + ": " + e.getMessage(), e);
        }
    }

    int queries() {
        return queries.get();
    }

    void behave(Behaviour next) {
        behaviour = next;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int n = queries.incrementAndGet();
            byte[] query;
            try (InputStream in = exchange.getRequestBody()) {
                query = in.readAllBytes();
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || !"application/timestamp-query".equals(type)) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            switch (behaviour) {
                case HTTP_500 -> {
                    exchange.sendResponseHeaders(500, -1);
                    return;
                }
                case TOO_SLOW -> {
                    sleep(3000);
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                case GARBAGE -> {
                    send(exchange, "<html>not a time-stamp</html>".getBytes());
                    return;
                }
                default -> {
                }
            }
            Path queryFile = directory.resolve("query-" + n + ".tsq");
            Path replyFile = directory.resolve("reply-" + n + ".tsr");
            Files.write(queryFile, query);
            Openssl.run(directory, "ts", "-reply", "-config", "tsa.cnf", "-queryfile", queryFile.toString(),
                    "-out", replyFile.toString());
            byte[] reply = Files.readAllBytes(replyFile);
            byte[] previous = lastReply;
            lastReply = reply;
            send(exchange, behaviour == Behaviour.REPLAY_LAST_REPLY && previous != null ? previous : reply);
        }
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void makeCertificates(Path dir) throws IOException {
        Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "3", "-subj", "/CN=markguard test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Openssl.run(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "tsa.key", "-out", "tsa.csr", "-subj", "/O=markguard tests/CN=markguard test TSA");
        Files.writeString(dir.resolve("tsa-ext.cnf"), "basicConstraints=CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n");
        Openssl.run(dir, "x509", "-req", "-in", "tsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "tsa.pem", "-days", "3", "-extfile", "tsa-ext.cnf");
        Files.writeString(dir.resolve("tsaserial"), "01\n");
        Files.writeString(dir.resolve("tsa.cnf"), String.join("\n",
                "[ tsa ]",
                "default_tsa = tsa_config",
                "[ tsa_config ]",
                "dir = " + dir.toAbsolutePath(),
                "serial = $dir/tsaserial",
                "crypto_device = builtin",
                "signer_cert = $dir/tsa.pem",
                "certs = $dir/ca.pem",
                "signer_key = $dir/tsa.key",
                "signer_digest = sha256",
                "default_policy = 1.3.6.1.4.1.99999.1.1",
                "digests = sha256, sha384, sha512",
                "accuracy = secs:1",
                "ordering = yes",
                "tsa_name = yes",
                "ess_cert_id_chain = no",
                "ess_cert_id_alg = sha256",
                ""));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
