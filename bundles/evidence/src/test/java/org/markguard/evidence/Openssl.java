package org.markguard.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs /usr/bin/openssl (or the one on the PATH) in a directory, with a time limit. */
final class Openssl {
    private static final String BINARY = java.nio.file.Files.isExecutable(Path.of("/usr/bin/openssl"))
            ? "/usr/bin/openssl" : "openssl";

    record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    static Result exec(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl " + args[0] + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Runs and requires exit status 0. */
    static String run(Path directory, String... args) throws IOException {
        Result result = exec(directory, args);
        if (result.exitCode() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " exited " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }
}
