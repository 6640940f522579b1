package org.markguard.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search connection against a stand-in for Elasticsearch (a JDK HTTP server answering as a
 * node would): what it sends, that it reuses its connection, and how it reports each kind of
 * failure. The real node's answers, errors included, are {@code ElasticsearchListingStoreIT}'s.
 */
class StreamedSearchTest {
    private static final String EMPTY = "{\"took\":1,\"hits\":{\"total\":{\"value\":3,\"relation\":\"eq\"},\"hits\":[]}}";
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = EMPTY;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            clientPorts.add(exchange.getRemoteAddress().getPort());
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private StreamedSearch search(String user, String password, String apiKey) {
        ConnectionSettings settings = new ConnectionSettings("http://127.0.0.1:" + server.getAddress().getPort(),
                user, password, apiKey, "markguard");
        ObjectMapper documents = DocumentMapper.create();
        return new StreamedSearch(ElasticsearchClients.create(settings, documents), settings, documents);
    }

    private static SearchRequest request() {
        return SearchRequest.of(s -> s.index("markguard-listings").size(2));
    }

    @Test
    void postsTheClientsBodyWithCredentialsAndReusesTheConnection() throws IOException {
        StreamedSearch search = search("reader", "s3cret", "");
        assertEquals(3, search.run(request()).total());
        assertEquals(3, search.run(request()).total());
        assertEquals("POST /markguard-listings/_search?typed_keys=true Basic cmVhZGVyOnMzY3JldA== "
                + "application/json {\"size\":2}", seen.get(0));
        assertEquals(clientPorts.get(0), clientPorts.get(1), "the second search reuses the first one's connection");
        seen.clear();
        search("", "", "a2V5").run(request());
        assertTrue(seen.get(0).contains(" ApiKey a2V5 "), seen.get(0));
    }

    @Test
    void anErrorAnswerIsElasticsearchsError() {
        status = 404;
        answer = "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index [markguard-listings]\"},"
                + "\"status\":404}";
        ElasticsearchException e = assertThrows(ElasticsearchException.class, () -> search("", "", "").run(request()));
        assertEquals("index_not_found_exception", e.error().type());
        assertEquals(404, e.status());
    }

    @Test
    void anythingElseIsATransportFailure() {
        status = 502;
        answer = "<html>Bad gateway</html>";
        IOException e = assertThrows(IOException.class, () -> search("", "", "").run(request()));
        assertEquals("Elasticsearch answered HTTP 502 to a search", e.getMessage());
        status = 200;
        answer = "{\"took\":1}";
        assertThrows(IOException.class, () -> search("", "", "").run(request()), "an answer without hits");
        server.stop(0);
        assertThrows(IOException.class, () -> search("", "", "").run(request()), "nobody listening");
    }
}
