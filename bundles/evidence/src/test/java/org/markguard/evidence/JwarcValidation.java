package org.markguard.evidence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.netpreserve.jwarc.HeaderValidator;
import org.netpreserve.jwarc.tools.ValidateTool;

/**
 * jwarc's own validator ({@code jwarc validate --forbid-extensions}) on one file: digests
 * recomputed, HTTP messages parsed, WARC/1.1 header rules. Its per-file method is called the way
 * its main calls it, since main ends with System.exit.
 */
final class JwarcValidation {
    private JwarcValidation() {
    }

    static void assertValid(Path file) throws Exception {
        ValidateTool tool = ValidateTool.class.getConstructor(boolean.class).newInstance(false);
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
