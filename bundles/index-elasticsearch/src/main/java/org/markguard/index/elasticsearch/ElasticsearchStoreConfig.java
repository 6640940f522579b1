package org.markguard.index.elasticsearch;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code org.markguard.index.elasticsearch} (the launcher writes
 * {@code etc/org.markguard.index.elasticsearch.cfg}). Config values are used as given: no
 * environment-variable fallback, so what runs is what the cfg says.
 *
 * <p>DS publishes every configuration property as a service property, so {@code password} and
 * {@code apiKey} would be visible to anyone listing services ({@code service:list}). The private
 * spellings {@code .password} and {@code .apiKey} (leading dot: never propagated) are therefore
 * also accepted and win when set; prefer them in cfg files.
 */
@ObjectClassDefinition(
        name = "markguard Elasticsearch listing store",
        description = "Where assessed listings are indexed and searched.")
public @interface ElasticsearchStoreConfig {

    @AttributeDefinition(description = "Elasticsearch base URL, http or https")
    String url() default ConnectionSettings.DEFAULT_URL;

    @AttributeDefinition(description = "Basic-auth user; empty for none", required = false)
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Basic-auth password", required = false)
    String password() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD,
            description = "Encoded API key (sent as 'ApiKey <key>'); empty for none; wins over user/password",
            required = false)
    String apiKey() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, name = ".password",
            description = "Basic-auth password, not published as a service property; wins over password",
            required = false)
    String _password() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, name = ".apiKey",
            description = "API key, not published as a service property; wins over apiKey", required = false)
    String _apiKey() default "";

    @AttributeDefinition(description = "Prefix of the template, index and alias names")
    String indexPrefix() default ConnectionSettings.DEFAULT_INDEX_PREFIX;

    @AttributeDefinition(description = "Folder of the durable spool that keeps writes while Elasticsearch is "
            + "unreachable; empty: ${karaf.data}/markguard/spool", required = false)
    String spoolDirectory() default "";
}
