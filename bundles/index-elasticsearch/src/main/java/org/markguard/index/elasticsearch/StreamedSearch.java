package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import org.apache.hc.core5.http.Header;

/**
 * Runs a listing search with the body the client builds, and reads the answer with
 * {@link SearchAnswer} instead of the client's object model; see there for why. Failures look like
 * the client's: an answer with an error status is an {@link ElasticsearchException} carrying
 * Elasticsearch's error, anything else an {@link IOException}.
 *
 * <p>The request goes over a blocking JDK connection ({@link HttpURLConnection}, kept alive and
 * reused by the JDK) on the calling thread, with the client's credentials and timeouts, rather than
 * through the client's asynchronous connection pool, where every call hands the request to an I/O
 * thread and waits to be woken with the answer (measured in docs/index.md, "How a search is
 * read"). Every other call goes through the client.
 */
final class StreamedSearch {
    /** The low-level client's defaults: 1 s to connect, 30 s for the answer. */
    static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    static final int READ_TIMEOUT_MILLIS = 30_000;

    private final ElasticsearchClient client;
    private final SearchAnswer.Reader reader;
    private final String base;
    private final Header[] auth;

    StreamedSearch(ElasticsearchClient client, ConnectionSettings settings, ObjectMapper documents) {
        this.client = client;
        this.reader = new SearchAnswer.Reader(documents);
        URI uri = URI.create(settings.url());
        this.base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        this.auth = ElasticsearchClients.authHeaders(settings);
    }

    SearchAnswer run(SearchRequest search) throws IOException {
        // index names are ours (the alias from the configured prefix), never user input
        URL url = URI.create(base + "/" + String.join(",", search.index()) + "/_search?typed_keys=true").toURL();
        byte[] body = body(search);
        // never a proxy from system properties: the client does not use one either
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        connection.setUseCaches(false);
        connection.setRequestMethod("POST");
        // no streaming mode: buffered, the body leaves with the headers in one segment (streamed, it
        // followed in a second one that Nagle's algorithm held back until the first was acknowledged)
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Accept", "application/json");
        for (Header header : auth) {
            connection.setRequestProperty(header.getName(), header.getValue());
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status < 200 || status >= 300) {
            IOException fallback = new IOException("Elasticsearch answered HTTP " + status + " to a search");
            try (InputStream error = connection.getErrorStream()) {
                throw rejected(error, fallback);
            }
        }
        // read to its end and closed, the connection goes back to the JDK's keep-alive cache
        try (InputStream in = connection.getInputStream()) {
            return reader.read(in);
        }
    }

    private byte[] body(SearchRequest search) {
        JsonpMapper jsonp = client._jsonpMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = jsonp.jsonProvider().createGenerator(out)) {
            search.serialize(generator, jsonp);
        }
        return out.toByteArray();
    }

    /**
     * Throws Elasticsearch's error as the client would report it, so callers handle both paths
     * alike; returns {@code fallback} for the caller to throw when the answer is not such an error.
     */
    private IOException rejected(InputStream answer, IOException fallback) throws ElasticsearchException {
        if (answer == null) {
            return fallback;
        }
        JsonpMapper jsonp = client._jsonpMapper();
        ErrorResponse error;
        try (JsonParser parser = jsonp.jsonProvider().createParser(answer)) {
            error = ErrorResponse._DESERIALIZER.deserialize(parser, jsonp);
        } catch (RuntimeException notAnError) {
            return fallback; // not Elasticsearch's error shape (a proxy's page, say): reported as a transport failure
        }
        throw new ElasticsearchException("search", error);
    }
}
