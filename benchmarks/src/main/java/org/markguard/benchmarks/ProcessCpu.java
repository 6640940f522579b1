package org.markguard.benchmarks;

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
