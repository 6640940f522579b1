package org.markguard.benchmarks.detect;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.markguard.detect.ocop.OcopConfig;
import org.markguard.detect.ocop.OcopDetector;

/** Configures an {@link OcopDetector} outside OSGi with the bundle's fictitious sample list. */
final class OcopSample {
    private OcopSample() {
    }

    static OcopDetector detector() throws IOException {
        Path file = Files.createTempFile("ocop-sample", ".json");
        file.toFile().deleteOnExit();
        try (InputStream in = OcopDetector.class.getResourceAsStream("/ocop-sample.json")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        OcopConfig config = (OcopConfig) Proxy.newProxyInstance(OcopConfig.class.getClassLoader(),
                new Class<?>[] {OcopConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "ocopList" -> file.toString();
                    case "validityMonths" -> 36;
                    case "nameMatchShare" -> 0.75;
                    case "unlistedScore", "moreStarsScore" -> 0.6;
                    case "expiredScore" -> 0.7;
                    default -> method.getDefaultValue();
                });
        OcopDetector detector = new OcopDetector();
        detector.configure(config);
        return detector;
    }
}
