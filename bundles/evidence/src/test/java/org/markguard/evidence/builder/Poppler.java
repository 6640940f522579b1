package org.markguard.evidence.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** poppler-utils (pdftotext, pdfimages), the independent reader of the reports; missing, they fail the test (never skip it). */
final class Poppler {
    private Poppler() {
    }

    /** All text, as {@code pdftotext -layout -enc UTF-8} gives it. */
    static String text(Path pdf) throws IOException, InterruptedException {
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** The number of images drawn, from {@code pdfimages -list} (two header lines, then one line each). */
    static int images(Path pdf) throws IOException, InterruptedException {
        return (int) run("pdfimages", "-list", pdf.toString()).lines().skip(2).filter(l -> !l.isBlank()).count();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail(command[0] + " is needed (Debian package poppler-utils): " + e.getMessage());
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not end within 60 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
