package org.markguard.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The poppler-utils command-line tools (pdftotext, pdfinfo, pdffonts, pdfimages), the independent
 * reader the tests check the written PDFs with. A missing tool fails the test, never skips it.
 */
final class Poppler {
    private static final long TIMEOUT_SECONDS = 60;

    private Poppler() {
    }

    /** All text, as {@code pdftotext -layout -enc UTF-8} gives it. */
    static String text(Path pdf) {
        return ok(run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
    }

    /** The text of one page (from 1). */
    static String text(Path pdf, int page) {
        String n = Integer.toString(page);
        return ok(run("pdftotext", "-layout", "-enc", "UTF-8", "-f", n, "-l", n, pdf.toString(), "-"));
    }

    /** pdfinfo's "Key: value" lines; the test fails unless pdfinfo exits 0. */
    static Map<String, String> info(Path pdf) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : ok(run("pdfinfo", pdf.toString())).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    static int pages(Path pdf) {
        return Integer.parseInt(info(pdf).get("Pages"));
    }

    /** pdffonts' rows, each as column name to value (name, type, encoding, emb, sub, uni, ...). */
    static List<Map<String, String>> fonts(Path pdf) {
        String[] lines = ok(run("pdffonts", pdf.toString())).split("\n");
        // line 0 names the columns, line 1 underlines each with dashes: their spans cut the rows
        List<int[]> spans = new ArrayList<>();
        String dashes = lines[1];
        for (int i = 0; i < dashes.length(); ) {
            int end = dashes.indexOf(' ', i);
            end = end < 0 ? dashes.length() : end;
            spans.add(new int[] {i, end});
            i = end + 1;
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int l = 2; l < lines.length; l++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int[] span : spans) {
                row.put(cut(lines[0], span).strip(), cut(lines[l], span).strip());
            }
            rows.add(row);
        }
        return rows;
    }

    /** The number of images {@code pdfimages -list} finds (each use on a page counts). */
    static int imageCount(Path pdf) {
        String[] lines = ok(run("pdfimages", "-list", pdf.toString())).split("\n");
        return Math.max(0, lines.length - 2);
    }

    /** The number of distinct image objects (an image drawn on several pages counts once). */
    static long imageObjects(Path pdf) {
        // pdfimages -list columns: page num type width height color comp bpc enc interp object ID ...
        return ok(run("pdfimages", "-list", pdf.toString())).lines().skip(2)
                .map(line -> line.trim().split("\\s+")[10]).distinct().count();
    }

    private static String cut(String line, int[] span) {
        return line.length() <= span[0] ? "" : line.substring(span[0], Math.min(line.length(), span[1]));
    }

    private static String ok(Result result) {
        assertEquals(0, result.exit(), () -> String.join(" ", result.command()) + " failed: " + result.errors());
        return result.output();
    }

    static Result run(String... command) {
        Path errors;
        try {
            errors = Files.createTempFile("poppler", ".err");
        } catch (IOException e) {
            return fail("no temporary file: " + e.getMessage());
        }
        try {
            return runWithErrorsTo(errors, command);
        } finally {
            errors.toFile().delete();
        }
    }

    private static Result runWithErrorsTo(Path errors, String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            return fail(command[0] + " is missing: install poppler-utils (apt-get install -y poppler-utils). "
                    + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(command[0] + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(List.of(command), process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail(command[0] + " could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while " + command[0] + " ran");
        }
    }

    record Result(List<String> command, int exit, String output, String errors) {
    }
}
