package org.markguard.index.elasticsearch;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Elasticsearch server (the integ-test zip unpacked by Maven) run as a separate process on
 * a free loopback port, for integration tests. ES refuses to run as root, so as root it runs as
 * the system user {@code esrun}, created when missing. {@link #close()} stops it with SIGTERM and
 * makes sure no process is left behind; a shutdown hook does the same if the test JVM dies early.
 */
final class ElasticsearchProcess implements AutoCloseable {
    static final String RUN_AS = "esrun";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path home;
    private final Path work;
    private final Path javaHome;
    private final int port;
    private final Path pidFile;
    private final Path consoleLog;
    private Process process;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "stop-elasticsearch");
    private boolean hookRegistered;

    /** Prepares a server on a free port; nothing runs before {@link #start()}. */
    ElasticsearchProcess(Path home, Path work, Path javaHome) throws IOException {
        this.home = home.toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.javaHome = javaHome;
        this.port = freePort();
        this.pidFile = this.work.resolve("es.pid");
        this.consoleLog = this.work.resolve("console.log");
        if (!Files.isRegularFile(this.home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("no Elasticsearch distribution at " + this.home
                    + " (run through 'mvn verify', which unpacks it in pre-integration-test)");
        }
    }

    /** From the system properties failsafe sets (es.home, es.work, es.java.home). */
    static ElasticsearchProcess fromSystemProperties() throws IOException {
        return new ElasticsearchProcess(Path.of(required("es.home")), Path.of(required("es.work")),
                Path.of(System.getProperty("es.java.home", "/usr/lib/jvm/temurin-25-jdk-amd64")));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the server and waits until the cluster is at least yellow. */
    void start() throws IOException, InterruptedException {
        deleteRecursively(work);
        Path data = Files.createDirectories(work.resolve("data"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        try (Stream<Path> bin = Files.list(home.resolve("bin"))) {
            bin.forEach(f -> f.toFile().setExecutable(true, false)); // unpacking may drop the x bit
        }
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            ensureRunUser();
            run("chown", "-R", RUN_AS, home.toString(), work.toString());
            command.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        // env(1) so the variables survive runuser's environment handling
        command.addAll(List.of("env",
                "ES_JAVA_HOME=" + javaHome,
                "ES_JAVA_OPTS=-Xms512m -Xmx512m",
                "ES_TMPDIR=" + tmp,
                home.resolve("bin/elasticsearch").toString(),
                "-p", pidFile.toString(),
                "-E", "discovery.type=single-node",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + port,
                "-E", "transport.port=0",
                "-E", "xpack.security.enabled=false",
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                "-E", "path.data=" + data,
                "-E", "path.logs=" + logs));
        process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile())
                .start();
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookRegistered = true;
        }
        waitUntilReady();
    }

    private void waitUntilReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("Elasticsearch exited with " + process.exitValue() + " before it was ready");
            }
            if (healthIsYellowOrGreen()) {
                return;
            }
            Thread.sleep(500);
        }
        throw failure("Elasticsearch not yellow within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private boolean healthIsYellowOrGreen() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url()
                    + "/_cluster/health?wait_for_status=yellow&timeout=2s").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private IllegalStateException failure(String message) {
        String tail = logTail();
        stopQuietly();
        return new IllegalStateException(message + "\n--- Elasticsearch log tail ---\n" + tail);
    }

    /** The end of the console output and of the server log, for failure messages. */
    String logTail() {
        StringBuilder out = new StringBuilder();
        List<Path> files = new ArrayList<>(List.of(consoleLog));
        try (Stream<Path> logs = Files.list(work.resolve("logs"))) {
            logs.filter(p -> p.toString().endsWith(".log")).forEach(files::add);
        } catch (IOException ignored) {
            // no log directory yet
        }
        for (Path file : files) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                out.append("== ").append(file).append('\n');
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.append(l).append('\n'));
            } catch (IOException | RuntimeException ignored) {
                // unreadable or missing: skip
            }
        }
        return out.toString();
    }

    /** Stops the server (SIGTERM to the server's pid, then to the launcher) and waits for every process. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        serverPid().flatMap(ProcessHandle::of).ifPresent(all::add);
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        all.stream().filter(ProcessHandle::isAlive).findFirst().ifPresent(ProcessHandle::destroy); // SIGTERM
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            all.forEach(ProcessHandle::destroy);
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception stillAlive) {
                p.destroyForcibly();
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        process = null;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNeverAdded) {
            // nothing to remove
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Long> serverPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor();
        return "0".equals(uid);
    }

    private static void ensureRunUser() throws IOException, InterruptedException {
        if (new ProcessBuilder("id", RUN_AS).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() != 0) {
            run("useradd", "--system", "--no-create-home", RUN_AS);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " not set (set by failsafe)");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
