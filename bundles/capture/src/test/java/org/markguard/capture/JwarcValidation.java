package org.markguard.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.netpreserve.jwarc.HeaderValidator;
import org.netpreserve.jwarc.tools.ValidateTool;

/**
 * Runs jwarc's own validator ({@code jwarc validate --forbid-extensions}) on a file: block and
 * payload digests recomputed, HTTP messages parsed, Content-Length checked, WARC/1.1 header rules.
 * ValidateTool.main calls System.exit, so its per-file method is called as main would call it.
 */
final class JwarcValidation {
    private JwarcValidation() {
    }

    static void assertValid(List<Path> files) throws Exception {
        assertTrue(!files.isEmpty(), "no WARC file written");
        for (Path file : files) {
            assertValid(file);
        }
    }

    static void assertValid(Path file) throws Exception {
        Constructor<ValidateTool> constructor = ValidateTool.class.getConstructor(boolean.class);
        ValidateTool tool = constructor.newInstance(false);
        Field headerValidator = ValidateTool.class.getDeclaredField("headerValidator");
        headerValidator.setAccessible(true);
        headerValidator.set(tool, HeaderValidator.warc_1_1(true));
        Method validate = ValidateTool.class.getDeclaredMethod("validate", Path.class);
        validate.setAccessible(true);

        PrintStream originalErr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        boolean valid;
        synchronized (JwarcValidation.class) {
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            try {
                valid = (Boolean) validate.invoke(tool, file);
            } finally {
                System.setErr(originalErr);
            }
        }
        String report = errors.toString(StandardCharsets.UTF_8);
        assertTrue(valid && report.isBlank(), "jwarc validate failed on " + file + ":\n" + report);
    }
}
