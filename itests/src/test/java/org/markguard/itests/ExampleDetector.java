package org.markguard.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds examples/detector-example exactly as its README says, outside the main reactor, against
 * the markguard-api installed in the local Maven repository by this build.
 */
final class ExampleDetector {
    private ExampleDetector() {
    }

    static Path build(Path repo) throws IOException, InterruptedException {
        Path module = repo.resolve("examples/detector-example");
        Path log = Path.of(System.getProperty("markguard.it.dir", "target/it")).resolve("example-build.log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder("mvn", "-B", "-q", "package")
                .directory(module.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("example detector build failed:\n" + Launcher.tail(log, 40));
        }
        try (Stream<Path> jars = Files.list(module.resolve("target"))) {
            return jars.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in " + module.resolve("target")));
        }
    }
}
