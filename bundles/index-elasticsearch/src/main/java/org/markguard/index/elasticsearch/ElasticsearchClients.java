package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.instrumentation.NoopInstrumentation;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Builds the embedded Elasticsearch client without any service lookup: the JSON mapper and the
 * transport are constructed explicitly, so nothing depends on {@code JsonProvider.provider()} or
 * OpenTelemetry discovery, which break when the client runs inside an OSGi bundle.
 */
final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /** Builds a client; no connection is made until the first request. */
    static ElasticsearchClient create(ConnectionSettings settings, ObjectMapper objectMapper) {
        return withBundleClassLoaderUnchecked(() -> {
            Rest5Client rest = Rest5Client.builder(URI.create(settings.url()))
                    .setDefaultHeaders(authHeaders(settings))
                    .build();
            // NoopInstrumentation: the default looks up GlobalOpenTelemetry, which we do not need
            Rest5ClientTransport transport = new Rest5ClientTransport(rest, new JacksonJsonpMapper(objectMapper),
                    null /* default options */, NoopInstrumentation.INSTANCE);
            return new ElasticsearchClient(transport);
        });
    }

    static Header[] authHeaders(ConnectionSettings settings) {
        if (!settings.apiKey().isEmpty()) {
            return new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + settings.apiKey())};
        }
        if (!settings.username().isEmpty()) {
            String pair = settings.username() + ":" + settings.password();
            String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            return new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic)};
        }
        return new Header[0];
    }

    /**
     * Runs code with this bundle's class loader as the thread context class loader, so any
     * library lookup that still goes through the TCCL (ServiceLoader, Class.forName) resolves
     * to the embedded copies rather than to whatever the calling thread happens to carry.
     * Threads the client starts inherit it.
     */
    static <T> T withBundleClassLoader(IoCall<T> work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ElasticsearchClients.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static <T> T withBundleClassLoaderUnchecked(IoCall<T> work) {
        try {
            return withBundleClassLoader(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client call: the client reports transport failures as IOException. */
    @FunctionalInterface
    interface IoCall<T> {
        T call() throws IOException;
    }
}
