package org.markguard.crawl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings shared by all crawls, PID {@code org.markguard.crawl}; every key is optional. Per-source
 * settings are in the {@code markguard.source-<name>.cfg} files. An underscore in a method name
 * stands for a dot in the key ({@code images_perListing} is {@code images.perListing}).
 */
@ObjectClassDefinition(name = "markguard crawls", description = "Settings shared by all crawls.")
public @interface CrawlSettings {
    @AttributeDefinition(name = "Photos per listing",
            description = "Product photos fetched and inspected per listing; 0 fetches none.")
    int images_perListing() default PhotoSettings.DEFAULT_PER_LISTING;

    @AttributeDefinition(name = "Maximum photo size", description = "A photo larger than this many bytes is not read.")
    int images_maxBytes() default PhotoSettings.DEFAULT_MAX_BYTES;

    @AttributeDefinition(name = "Extra photo hosts",
            description = "Comma-separated hosts photos may come from besides each source's allowed hosts.")
    String images_allowedHosts() default "";
}
