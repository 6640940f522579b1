package org.markguard.itests;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs one console command through the assembly's {@code bin/client} (SSH on 127.0.0.1). */
final class KarafConsole {
    private KarafConsole() {
    }

    /**
     * Runs the command and returns its output once a line contains {@code until} (bin/client keeps
     * the session while its stdin is open, so the test decides when the output is complete).
     */
    static String run(Launcher server, String command, String until, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(server.repo.resolve("distribution/target/assembly/bin/client").toString(),
                "-a", String.valueOf(server.sshPort), "-h", "127.0.0.1", "-u", "admin", "-p", server.adminPassword,
                command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                int c;
                while ((c = r.read()) >= 0) {
                    synchronized (out) {
                        out.append((char) c);
                    }
                }
            } catch (java.io.IOException ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            while (System.nanoTime() < deadline) {
                synchronized (out) {
                    if (out.toString().contains(until)) {
                        return out.toString();
                    }
                }
                Thread.sleep(200);
            }
            synchronized (out) {
                throw new AssertionError("'" + command + "' printed no '" + until + "' in " + timeoutSeconds + " s:\n" + out);
            }
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
