package org.markguard.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line per request ({@code <method> <path>[?query] <status>}) to the file named by
 * {@code MARKGUARD_DEMO_ACCESS_LOG}, so tests can prove what a crawler did and did not fetch
 * (robots.txt, traps, no page twice). Off when the variable is not set.
 */
final class AccessLog {
    static final String VARIABLE = "MARKGUARD_DEMO_ACCESS_LOG";
    private static final Writer OUT = open(System.getenv(VARIABLE));

    private AccessLog() {
    }

    private static Writer open(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            return Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + file, e);
        }
    }

    static void record(String method, String path, String query, int status) {
        if (OUT == null) {
            return;
        }
        synchronized (OUT) {
            try {
                OUT.write(method + " " + path + (query == null ? "" : "?" + query) + " " + status + "\n");
                OUT.flush();
            } catch (IOException e) {
                // a test log that cannot be written must not break the site
            }
        }
    }
}
