package org.markguard.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ./markguard} launcher with an isolated MARKGUARD_HOME and free ports, so the
 * tests exercise exactly what a user runs: the built assembly, a real Elasticsearch node.
 */
final class Launcher {
    final Path repo = Path.of(System.getProperty("markguard.repo", "..")).toAbsolutePath().normalize();
    final Path home;
    final int httpPort = Ports.free();
    final int sshPort = Ports.free();
    final int esPort = Ports.free();
    final String adminPassword = "it-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private final Path log;

    Launcher(String name) throws IOException {
        Path itDir = Path.of(System.getProperty("markguard.it.dir", "target/it")).toAbsolutePath();
        this.home = itDir.resolve(name);
        deleteTree(home);
        Files.createDirectories(home);
        this.log = itDir.resolve(name + "-launcher.log");
    }

    String apiBase() {
        return "http://127.0.0.1:" + httpPort + "/api/v1";
    }

    Api admin() {
        return new Api(apiBase(), "admin", adminPassword);
    }

    Path karafBase() {
        return home.resolve("karaf");
    }

    void start() throws Exception {
        run("start", 300);
    }

    void stop() throws Exception {
        run("stop", 120);
    }

    private void run(String command, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("markguard").toString(), command);
        Map<String, String> env = pb.environment();
        env.putAll(environment());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./markguard " + command + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("./markguard " + command + " exited " + p.exitValue() + ":\n" + tail(log, 60)
                    + "\n--- karaf.log ---\n" + tail(karafBase().resolve("data/log/karaf.log"), 80));
        }
    }

    /** Variables added to the launcher's environment (e.g. MARKGUARD_TSA_URL). */
    final Map<String, String> extraEnvironment = new HashMap<>();

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(extraEnvironment);
        env.put("MARKGUARD_HOME", home.toString());
        env.put("MARKGUARD_HTTP_PORT", String.valueOf(httpPort));
        env.put("MARKGUARD_SSH_PORT", String.valueOf(sshPort));
        env.put("MARKGUARD_ES_PORT", String.valueOf(esPort));
        env.put("MARKGUARD_ADMIN_PASSWORD", adminPassword);
        env.put("MARKGUARD_SKIP_BUILD", "1");
        String esHome = System.getProperty("markguard.es.home");
        if (esHome != null) {
            env.put("MARKGUARD_ES_HOME", esHome);
        }
        return env;
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            File f = paths.get(i).toFile();
            if (!f.delete() && f.exists()) {
                throw new IOException("cannot delete " + f);
            }
        }
    }
}
