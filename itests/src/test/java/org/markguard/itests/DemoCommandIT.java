package org.markguard.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./markguard demo} as a user runs it: summary printed, and Ctrl-C leaves no process behind. */
class DemoCommandIT {
    private static final int LISTINGS = 60;

    @Test
    void demoCrawlsEverythingPrintsASummaryAndStopsCleanlyOnCtrlC() throws Exception {
        Launcher server = new Launcher("demo");
        Path out = server.home.resolveSibling("demo-command.out");
        ProcessBuilder pb = new ProcessBuilder(server.repo.resolve("markguard").toString(), "demo");
        pb.environment().putAll(server.environment());
        pb.environment().put("MARKGUARD_DEMO_PORT", String.valueOf(Ports.free()));
        pb.environment().put("MARKGUARD_DEMO_LISTINGS", String.valueOf(LISTINGS));
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process demo = pb.start();
        List<Long> pids = new ArrayList<>();
        try {
            String text = waitFor(out, "press Ctrl-C", demo);
            assertTrue(text.contains("================ markguard demo"), text);
            Matcher offers = Pattern.compile("listings indexed\\s+(\\d+) \\(the marketplace offers (\\d+)\\)").matcher(text);
            assertTrue(offers.find(), text);
            assertEquals(Long.parseLong(offers.group(2)), Long.parseLong(offers.group(1)),
                    "every listing the demo marketplace offers must be indexed:\n" + text);
            assertTrue(Long.parseLong(offers.group(2)) > LISTINGS / 2, text);
            assertTrue(number(text, "flagged listings") > 0, text);
            assertTrue(text.contains(server.apiBase()), text);
            for (String name : List.of("es.pid", "karaf.pid", "demo.pid")) {
                pids.add(Long.parseLong(Files.readString(server.home.resolve("run").resolve(name)).strip()));
            }
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-INT", String.valueOf(demo.pid())).start().waitFor();
            assertTrue(demo.waitFor(90, TimeUnit.SECONDS), "demo did not stop after Ctrl-C");
            System.out.printf("demo stopped %.1f s after Ctrl-C%n", (System.nanoTime() - t0) / 1e9);
        } finally {
            demo.destroyForcibly();
            server.stop(); // no-op when the demo cleaned up; a safety net when it did not
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " left behind");
        }
    }

    private static long number(String text, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(\\d+)").matcher(text);
        assertTrue(m.find(), "no '" + label + "' in the summary");
        return Long.parseLong(m.group(1));
    }

    private static String waitFor(Path out, String marker, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            if (text.contains(marker)) {
                return text;
            }
            if (!p.isAlive()) {
                throw new AssertionError("demo exited " + p.exitValue() + ":\n" + text);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + marker + "' after 300 s:\n" + Files.readString(out));
    }
}
