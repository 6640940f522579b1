package org.markguard.evidence.builder;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the evidence packet builder, PID {@code org.markguard.evidence}; every key is optional. */
@ObjectClassDefinition(name = "markguard evidence packets",
        description = "Where evidence packets and the signing key are kept, time-stamping, and limits.")
public @interface EvidenceConfig {
    String DEFAULT_DIRECTORY = "${karaf.data}/markguard/evidence";
    String DEFAULT_KEY_DIRECTORY = "${karaf.data}/markguard/evidence-key";

    @AttributeDefinition(name = "Directory",
            description = "Where packets (<id>.zip), their status (<id>.json) and custody logs are kept; ${karaf.data} is resolved.")
    String directory() default DEFAULT_DIRECTORY;

    @AttributeDefinition(name = "Key directory",
            description = "Where the Ed25519 signing key is kept; created at first start.")
    String keyDirectory() default DEFAULT_KEY_DIRECTORY;

    @AttributeDefinition(name = "Time-stamping authority",
            description = "RFC 3161 TSA URL (http or https); empty: packets are not time-stamped.")
    String timestampUrl() default "";

    @AttributeDefinition(name = "Time-stamp timeout (ms)")
    long timestampTimeoutMs() default 30_000;

    @AttributeDefinition(name = "Screenshot timeout (ms)", description = "Per listing.")
    long screenshotTimeoutMs() default 60_000;

    @AttributeDefinition(name = "Recapture timeout (ms)", description = "Per listing, for recapture=true requests.")
    long recaptureTimeoutMs() default 30_000;

    @AttributeDefinition(name = "Threads", description = "Packets built at the same time; more wait in a queue.")
    int threads() default 1;

    @AttributeDefinition(name = "Source organization",
            description = "The unit that runs this server: bag-info Source-Organization and the reports.")
    String sourceOrganization() default "markguard";

    @AttributeDefinition(name = "Report image budget (MB)",
            description = "Screenshot bytes printed in one PDF report at most; the rest are referred to by file.")
    int reportImageMegabytes() default 100;
}
