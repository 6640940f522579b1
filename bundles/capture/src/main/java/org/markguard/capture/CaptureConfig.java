package org.markguard.capture;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the raw capture store, PID {@code org.markguard.capture}; every key is optional. */
@ObjectClassDefinition(name = "markguard capture store",
        description = "Where and how raw captures (WARC files) are written.")
public @interface CaptureConfig {
    @AttributeDefinition(name = "Directory",
            description = "Where the .warc.gz files are written; ${karaf.data} is resolved.")
    String directory() default WarcCaptureStore.DEFAULT_DIRECTORY;

    @AttributeDefinition(name = "Maximum file size",
            description = "A new WARC file is started once the current one has reached this many bytes.")
    long maxFileBytes() default WarcCaptureStore.DEFAULT_MAX_FILE_BYTES;

    @AttributeDefinition(name = "Redacted request headers",
            description = "Comma-separated request header names whose values are stored as [redacted].")
    String redactRequestHeaders() default WarcCaptureStore.DEFAULT_REDACTED_HEADERS;
}
