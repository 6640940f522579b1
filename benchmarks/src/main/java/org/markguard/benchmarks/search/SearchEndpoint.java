package org.markguard.benchmarks.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Where a search is sent: through the REST API ({@code GET /api/v1/listings}, HTTP Basic) or
 * straight to Elasticsearch ({@code POST <alias>/_search} with the body the store builds). Both
 * use the same kind of client (JDK, HTTP/1.1 keep-alive) and read the whole answer.
 */
abstract class SearchEndpoint {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    abstract String name();

    abstract HttpRequest request(WorkbenchQuery query);

    /** An answer's bytes and its {@code Server-Timing} header (null when there is none). */
    record Answer(byte[] body, String serverTiming) {
    }

    /** Sends the search and returns the answer's bytes; any status but 200 fails. */
    byte[] send(WorkbenchQuery query) throws Exception {
        return answer(query).body();
    }

    /** Sends the search and returns the whole answer; any status but 200 fails. */
    Answer answer(WorkbenchQuery query) throws Exception {
        HttpResponse<byte[]> r = http.send(request(query), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(name() + " '" + query.name() + "': HTTP " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return new Answer(r.body(), r.headers().firstValue("Server-Timing").orElse(null));
    }

    static SearchEndpoint rest(String api, String password) {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return new SearchEndpoint() {
            @Override
            String name() {
                return "REST";
            }

            @Override
            HttpRequest request(WorkbenchQuery query) {
                return HttpRequest.newBuilder(URI.create(api + "/listings?" + query.restQuery()))
                        .header("Authorization", auth).timeout(Duration.ofSeconds(30)).build();
            }
        };
    }

    /** typed_keys=true as the elasticsearch-java client always asks (aggregation names carry their type). */
    static SearchEndpoint direct(String es, String alias) {
        URI uri = URI.create(es + "/" + alias + "/_search?typed_keys=true");
        return new SearchEndpoint() {
            @Override
            String name() {
                return "direct";
            }

            @Override
            HttpRequest request(WorkbenchQuery query) {
                return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(query.esBody())).build();
            }
        };
    }
}
