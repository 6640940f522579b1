package org.markguard.render;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the page renderer, PID {@code org.markguard.render}; every key is optional. */
@ObjectClassDefinition(name = "markguard page renderer",
        description = "Headless Chromium (system package) driven by Playwright with the system Node.js.")
public @interface RenderConfig {
    @AttributeDefinition(name = "Chromium", description = "The Chromium executable.")
    String chromiumPath() default RenderSettings.DEFAULT_CHROMIUM;

    @AttributeDefinition(name = "Node.js", description = "The Node.js executable that runs Playwright's driver.")
    String nodePath() default RenderSettings.DEFAULT_NODE;

    @AttributeDefinition(name = "Concurrent pages", description = "Pages rendered at the same time (one warm browser each).")
    int maxConcurrentPages() default RenderSettings.DEFAULT_MAX_CONCURRENT_PAGES;

    @AttributeDefinition(name = "Page timeout", description = "Longest a rendering may take without a caller timeout, ms.")
    long pageTimeoutMs() default RenderSettings.DEFAULT_PAGE_TIMEOUT_MS;

    @AttributeDefinition(name = "Block resources", description = "Skip images, fonts and media when rendering.")
    boolean blockResources() default true;

    @AttributeDefinition(name = "Host resolver rules", description = "Chromium --host-resolver-rules, empty for none.")
    String hostResolverRules() default "";
}
