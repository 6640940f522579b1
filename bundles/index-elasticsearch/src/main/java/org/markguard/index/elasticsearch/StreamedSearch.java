package org.markguard.index.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Runs a listing search the way the client would (same body, same {@code typed_keys}, the client's
 * own connection pool, credentials and timeouts) but reads the answer with {@link SearchAnswer}
 * instead of the client's object model; see there for why. Failures look like the client's: an
 * answer with an error status is an {@link ElasticsearchException} carrying Elasticsearch's error,
 * anything else an {@link IOException}.
 */
final class StreamedSearch {
    private final ElasticsearchClient client;
    private final SearchAnswer.Reader reader;

    StreamedSearch(ElasticsearchClient client, ObjectMapper documents) {
        this.client = client;
        this.reader = new SearchAnswer.Reader(documents);
    }

    SearchAnswer run(SearchRequest search) throws IOException {
        // index names are ours (the alias from the configured prefix), never user input
        Request request = new Request("POST", "/" + String.join(",", search.index()) + "/_search");
        request.addParameter("typed_keys", "true");
        request.setEntity(new ByteArrayEntity(body(search), ContentType.APPLICATION_JSON));
        Response response;
        try {
            response = rest().performRequest(request);
        } catch (ResponseException e) {
            throw rejected(e.getResponse(), e);
        }
        int status = response.getStatusCode();
        if (status < 200 || status >= 300) { // the low-level client lets some through (404 among them)
            throw rejected(response, new IOException("Elasticsearch answered HTTP " + status + " to a search"));
        }
        try (InputStream in = response.getEntity().getContent()) {
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
    private IOException rejected(Response response, IOException fallback) throws ElasticsearchException {
        JsonpMapper jsonp = client._jsonpMapper();
        ErrorResponse error;
        try (InputStream in = response.getEntity().getContent();
             JsonParser parser = jsonp.jsonProvider().createParser(in)) {
            error = ErrorResponse._DESERIALIZER.deserialize(parser, jsonp);
        } catch (IOException | RuntimeException notAnError) {
            return fallback; // not Elasticsearch's error shape (a proxy's page, say): reported as a transport failure
        }
        throw new ElasticsearchException("search", error);
    }

    private Rest5Client rest() {
        return ((Rest5ClientTransport) client._transport()).restClient();
    }
}
