package org.markguard.benchmarks.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import org.markguard.demo.BulkListings;

/**
 * Loads N demo listings straight into the listing index by {@code _bulk}, as BackfillBenchmark
 * does, then refreshes. The next batch is generated while Elasticsearch indexes the previous one,
 * since generating a demo listing costs about as much as indexing it.
 */
final class BulkLoad {
    private static final int BATCH = 5000;

    private final HttpClient http;
    private final String es;

    BulkLoad(HttpClient http, String es) {
        this.http = http;
        this.es = es;
    }

    void load(long seed, int count, String alias) throws Exception {
        StoredDocuments documents = new StoredDocuments(seed, count);
        Iterator<BulkListings.Item> items = BulkListings.stream(seed, count, "http://127.0.0.1:8089/").iterator();
        CompletableFuture<HttpResponse<String>> inFlight = null;
        StringBuilder batch = new StringBuilder(BATCH * 2048);
        int done = 0;
        while (items.hasNext()) {
            ObjectNode doc = documents.next(items.next());
            batch.append("{\"index\":{\"_id\":\"").append(doc.get("id").asText()).append("\"}}\n").append(doc).append('\n');
            if (++done % BATCH == 0 || !items.hasNext()) {
                if (inFlight != null) {
                    check(inFlight.join());
                }
                inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_bulk"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(), HttpResponse.BodyHandlers.ofString());
                batch.setLength(0);
                if (done % 100_000 == 0) {
                    System.out.printf("  %,d listings sent%n", done);
                }
            }
        }
        if (inFlight != null) {
            check(inFlight.join());
        }
        HttpResponse<String> refresh = http.send(HttpRequest.newBuilder(URI.create(es + "/" + alias + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        check(refresh);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
            throw new IllegalStateException("bulk failed: HTTP " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(800, r.body().length())));
        }
    }
}
