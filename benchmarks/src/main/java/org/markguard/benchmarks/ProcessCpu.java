package org.markguard.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of the processes of a server the benchmarks started: a measure that machine load hardly moves. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** User + system CPU time of a process so far, from /proc (Linux); 0 when unknown. */
    public static long millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in 1/100 s
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * CPU time so far of a JVM's collector threads and of its JIT compiler threads, {@code [gc, jit]} in
     * ms, from /proc/&lt;pid&gt;/task (Linux). Both kinds live as long as the JVM, so the difference of
     * two readings is what they used in between (threads that end in between, like a crawl's own, could
     * not be counted this way: the rest of a process's time is its total minus these two).
     */
    public static long[] collectorAndCompilerMillis(long pid) {
        long[] gcJit = new long[2];
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gcJit[0] += ms; // VM Thread: mostly the collector's safepoints
                } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    gcJit[1] += ms;
                }
            }
        } catch (IOException | RuntimeException e) {
            return gcJit;
        }
        return gcJit;
    }

    /** The pid the launcher wrote for {@code karaf} or {@code es} under MARKGUARD_HOME/run, or -1. */
    public static long launcherPid(String name) {
        Path pidFile = Path.of(System.getenv().getOrDefault("MARKGUARD_HOME", ".markguard"), "run", name + ".pid");
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (Exception e) {
            return -1;
        }
    }
}
