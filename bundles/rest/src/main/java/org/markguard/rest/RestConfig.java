package org.markguard.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the REST API (PID {@code org.markguard.rest}). */
@ObjectClassDefinition(name = "markguard REST API")
public @interface RestConfig {
    @AttributeDefinition(description = "Minutes without a request after which a UI login session ends")
    int sessionIdleMinutes() default 30;

    @AttributeDefinition(description = "Seconds a successful HTTP Basic login is remembered (0: log in on every request)")
    int basicLoginCacheSeconds() default 30;

    @AttributeDefinition(description = "Directory of the users' saved searches; ${karaf.data} is resolved")
    String savedSearchDirectory() default "${karaf.data}/markguard/searches";
}
