package org.markguard.evidence.builder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.markguard.evidence.TimeStampClient;
import org.markguard.evidence.TimeStamper;

/**
 * The builder's configuration, resolved and checked once at activation.
 *
 * @param timeStamper the time-stamping authority, null when time-stamping is off
 * @param timestampUrl its URL as configured ("" when off), for the custody log and reports
 * @param reportImageBytes screenshot bytes one PDF report may print (the PDF writer holds them all at once)
 */
record BuilderSettings(Path directory, Path keyDirectory, TimeStamper timeStamper, String timestampUrl,
                       Duration screenshotTimeout, Duration recaptureTimeout, int threads, String sourceOrganization,
                       long reportImageBytes) {

    BuilderSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        requirePositive(screenshotTimeout, "screenshotTimeoutMs");
        requirePositive(recaptureTimeout, "recaptureTimeoutMs");
        if (reportImageBytes < 0) {
            throw new IllegalArgumentException("reportImageMegabytes must not be negative");
        }
        timestampUrl = timestampUrl == null ? "" : timestampUrl;
        sourceOrganization = sourceOrganization == null || sourceOrganization.isBlank()
                ? "markguard" : sourceOrganization.strip();
    }

    static BuilderSettings of(EvidenceConfig config) {
        String url = config.timestampUrl() == null ? "" : config.timestampUrl().strip();
        Duration timestampTimeout = Duration.ofMillis(config.timestampTimeoutMs());
        TimeStamper tsa = null;
        if (!url.isEmpty()) {
            requirePositive(timestampTimeout, "timestampTimeoutMs");
            tsa = new TimeStampClient(URI.create(url), timestampTimeout);
        }
        return new BuilderSettings(resolve(config.directory()), resolve(config.keyDirectory()), tsa, url,
                Duration.ofMillis(config.screenshotTimeoutMs()), Duration.ofMillis(config.recaptureTimeoutMs()),
                config.threads(), config.sourceOrganization(), config.reportImageMegabytes() * 1024L * 1024L);
    }

    /** Resolves {@code ${karaf.data}} (java.io.tmpdir when that property is not set), as the capture store does. */
    static Path resolve(String configured) {
        String karafData = System.getProperty("karaf.data", System.getProperty("java.io.tmpdir"));
        return Path.of(configured.strip().replace("${karaf.data}", karafData));
    }

    private static void requirePositive(Duration duration, String key) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be positive: " + duration);
        }
    }
}
