package org.markguard.benchmarks.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.SplittableRandom;
import org.markguard.api.FoldedText;
import org.markguard.api.Listing;

/**
 * Backfill of N indexed listings on the embedded node: loads N listings straight into the index
 * (bulk, the documents the store writes), asks the running server for a backfill and times it.
 * Run by {@code benchmarks/backfill-benchmark.sh [N]}. Environment: MARKGUARD_API,
 * MARKGUARD_ADMIN_PASSWORD, MARKGUARD_ES_URL.
 */
public final class BackfillBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TITLES = {"Túi xách Gucci Marmont hàng rep 1:1", "Giày Nike Air Force 1 trắng",
        "Nước mắm Phú Quốc 40 độ đạm", "Cà phê Buôn Ma Thuột rang mộc", "Áo polo nam cotton basic",
        "Ốp lưng dùng cho iPhone 15", "Serum La Roche-Posay Hyalu B5", "Đèn ngủ LED cảm ứng để bàn",
        "Dâu tây Đà Lạt tươi hộp 500g", "Đồng hồ Rolex Submariner super fake"};
    private static final String[] PLACES = {"Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "An Giang", "Đắk Lắk", "Lâm Đồng"};

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String api = System.getenv().getOrDefault("MARKGUARD_API", "http://127.0.0.1:8181/api/v1");
        String es = System.getenv().getOrDefault("MARKGUARD_ES_URL", "http://127.0.0.1:9200");
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + System.getenv("MARKGUARD_ADMIN_PASSWORD"))
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        get(http, api + "/listings?size=1", auth); // makes the server create its index layout

        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder bulk = new StringBuilder();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String url = "http://shop.example/p/" + i;
            String title = TITLES[random.nextInt(TITLES.length)] + " #" + i;
            String place = PLACES[random.nextInt(PLACES.length)];
            ObjectNode doc = JSON.createObjectNode().put("id", Listing.idFor(url)).put("url", url)
                    .put("platform", "shopee").put("title", title).put("title_folded", FoldedText.fold(title))
                    .put("price", 50_000 + random.nextInt(5_000_000)).put("currency", "VND")
                    .put("captureTime", base.plusSeconds(i).toString()).put("extractionSource", "OPENGRAPH")
                    .put("risk", 0.0).put("flagged", false).put("seller_folded", "shop " + (i % 5000));
            doc.putObject("seller").put("id", "shop-" + (i % 5000)).put("name", "Shop " + (i % 5000)).put("location", place);
            doc.putArray("findings");
            bulk.append("{\"index\":{\"_id\":\"").append(Listing.idFor(url)).append("\"}}\n").append(doc).append('\n');
            if ((i + 1) % 5000 == 0 || i == n - 1) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(es + "/markguard-listings/_bulk"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(bulk.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
                    throw new IllegalStateException("bulk failed: " + r.body().substring(0, Math.min(500, r.body().length())));
                }
                bulk.setLength(0);
            }
        }
        http.send(HttpRequest.newBuilder(URI.create(es + "/markguard-listings/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("loaded %d listings in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

        int before = get(http, api + "/detectors/backfill", auth).size();
        http.send(HttpRequest.newBuilder(URI.create(api + "/detectors/backfill")).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode run;
        do {
            Thread.sleep(2000);
            JsonNode all = get(http, api + "/detectors/backfill", auth);
            run = all.size() > before ? all.get(0) : null;
            if (run != null) {
                System.out.printf("\rbackfill %s: %d / %d, %d changed   ", run.get("state").asText(), run.get("done").asLong(),
                        run.get("total").asLong(), run.get("changed").asLong());
            }
        } while (run == null || "RUNNING".equals(run.get("state").asText()));
        double seconds = Duration.between(Instant.parse(run.get("startedAt").asText()),
                Instant.parse(run.get("finishedAt").asText())).toMillis() / 1000.0;
        System.out.printf("%nbackfill of %d listings (%d changed) with %s: %.1f s = %.0f listings/s (%s)%n",
                run.get("done").asLong(), run.get("changed").asLong(), run.get("detectors"), seconds,
                run.get("done").asLong() / seconds, run.get("state").asText());
    }

    private static JsonNode get(HttpClient http, String url, String auth) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
