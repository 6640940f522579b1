package org.markguard.detect.runtime;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the detection runtime, PID {@value #PID} (file {@code etc/org.markguard.detect.runtime.cfg}). */
@ObjectClassDefinition(
        name = "markguard detection runtime",
        description = "Runs the detectors within a time budget and holds the brand and indication registries.")
public @interface RuntimeConfig {
    String PID = "org.markguard.detect.runtime";

    @AttributeDefinition(
            name = "Registry folder",
            description = "Folder holding brands.json and gis.json. Empty: ${karaf.etc}/markguard/registry, "
                    + "or ./config/registry when karaf.etc is not set.",
            required = false)
    String registryDir() default "";

    @AttributeDefinition(
            name = "Time budget (ms)",
            description = "How long one detector may work on one listing before it is abandoned and counted "
                    + "as an error.",
            min = "1")
    long timeBudgetMs() default DetectorExecutor.DEFAULT_BUDGET_MS;
}
