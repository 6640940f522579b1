package org.markguard.benchmarks.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.markguard.api.FetchedPage;
import org.markguard.api.Finding;
import org.markguard.api.Listing;
import org.markguard.extract.HtmlListingExtractor;

/**
 * Quality on the demo marketplace's own labels: starts the demo (its public {@code DemoMain}, port 0,
 * in a child JVM on this classpath, since its site classes are package-private), reads
 * {@code /labels.json}, fetches every listing page from 127.0.0.1, extracts it with
 * {@link HtmlListingExtractor} and runs the detectors with the registries of {@code config/registry}.
 * Prints precision, recall and F1 per kind over (listing, kind, subject) triples, and the errors.
 *
 * <pre>java -cp benchmarks/target/markguard-benchmarks.jar org.markguard.benchmarks.detect.DemoLabelsHarness [seed] [count]</pre>
 *
 * <p>An indication finding that merged other entries on the same words ("the same words also fall
 * under 'da-lat-produce'") counts for those entries too: the demo labels list both, the detector
 * reports the use once.
 */
public final class DemoLabelsHarness {
    private static final Pattern MERGED = Pattern.compile("also fall under (.+?); reported once");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    /** Counts of one kind. */
    static final class Score {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Scores by kind, and one line per error for a reader. */
    record Result(Map<String, Score> byKind, List<String> errors, int listings, List<String> skipped) {
    }

    private DemoLabelsHarness() {
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Result result = run(seed, count);
        long noSession = result.skipped().stream().filter(x -> x.contains("HTTP")).count();
        System.out.printf("demo labels: seed %d, %d listings assessed; not assessed: %d pages refused without a session,"
                + " %d pages not extractable without a browser%n", seed, result.listings(), noSession,
                result.skipped().size() - noSession);
        System.out.printf("%-26s %5s %5s %5s  %9s %6s %6s%n", "kind", "TP", "FP", "FN", "precision", "recall", "F1");
        result.byKind().forEach((kind, s) -> System.out.printf("%-26s %5d %5d %5d  %9.3f %6.3f %6.3f%n", kind, s.tp,
                s.fp, s.fn, s.precision(), s.recall(), s.f1()));
        System.out.println("errors (first 40 of " + result.errors().size() + "):");
        result.errors().stream().limit(40).forEach(e -> System.out.println("  " + e));
    }

    static Result run(long seed, int count) throws Exception {
        DetectorSuite suite = new DetectorSuite(HarnessRegistries.load(HarnessRegistries.defaultDir()));
        Process demo = startDemo(seed, count);
        try {
            String base = awaitReady(demo);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode labels = HarnessRegistries.JSON.readTree(get(http, base + "labels.json"));
            HtmlListingExtractor extractor = new HtmlListingExtractor();
            Map<String, Score> byKind = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            int n = 0;
            for (JsonNode label : labels.path("listings")) {
                String url = label.path("url").asText();
                byte[] body;
                try {
                    body = get(http, url);
                } catch (IOException e) {
                    // pages behind a login (private groups) are the crawler's business, not the detectors'
                    skipped.add(e.getMessage());
                    continue;
                }
                Optional<Listing> listing = extractor.extract(new FetchedPage(url, label.path("platform").asText(),
                        200, "text/html; charset=utf-8", body, Instant.now()));
                if (listing.isEmpty()) {
                    // pages whose data only a browser renders (the render bundle's job): nothing to detect on
                    skipped.add("not extracted without a browser: " + url);
                    continue;
                }
                n++;
                compare(label, suite.detect(listing.get()), byKind, errors);
            }
            return new Result(byKind, errors, n, skipped);
        } finally {
            demo.destroy();
        }
    }

    private static void compare(JsonNode label, List<Finding> findings, Map<String, Score> byKind,
                                List<String> errors) {
        Set<String> expected = new HashSet<>();
        for (JsonNode e : label.path("expected")) {
            expected.add(e.path("kind").asText() + " " + e.path("subject").asText());
        }
        // the demo has no OCOP list: every labelled claim is, by the sample list, for an unlisted product
        if (label.has("ocopClaim")) {
            expected.add("OTHER ocop:unlisted");
        }
        Set<String> found = new HashSet<>();
        for (Finding f : findings) {
            found.add(f.kind() + " " + f.subject());
            for (String reason : f.reasons()) {
                Matcher m = MERGED.matcher(reason);
                if (m.find()) {
                    Matcher q = QUOTED.matcher(m.group(1));
                    while (q.find()) {
                        found.add(f.kind() + " " + q.group(1));
                    }
                }
            }
        }
        String what = label.path("category").asText() + " \"" + label.path("title").asText() + "\" seller "
                + label.path("seller").path("id").asText() + "@" + label.path("seller").path("location").asText()
                + " price " + label.path("price").asText();
        for (String e : expected) {
            Score s = byKind.computeIfAbsent(e.split(" ")[0], k -> new Score());
            if (found.contains(e)) {
                s.tp++;
            } else {
                s.fn++;
                errors.add("FN " + e + " in " + what);
            }
        }
        for (Finding f : findings) {
            String key = f.kind() + " " + f.subject();
            if (!expected.contains(key)) {
                byKind.computeIfAbsent(f.kind().name(), k -> new Score()).fp++;
                errors.add("FP " + key + " (" + String.format("%.2f", f.score()) + ") in " + what + ": "
                        + f.reasons());
            }
        }
    }

    private static Process startDemo(long seed, int count) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.markguard.demo.DemoMain", "--port", "0", "--listings", Integer.toString(count), "--seed",
                Long.toString(seed));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String awaitReady(Process demo) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring(6).strip();
            }
        }
        throw new IOException("the demo exited before it was ready (exit " + demo.exitValue() + ")");
    }

    private static byte[] get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }
}
