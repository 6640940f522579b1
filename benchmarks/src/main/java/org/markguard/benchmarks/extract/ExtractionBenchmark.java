package org.markguard.benchmarks.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.extract.HtmlListingExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Extraction pages/s on one real ~100 KB product page, beside a bare {@code Jsoup.parse} of the same
 * bytes in the same run: the ratio says what the extraction rules cost on top of parsing.
 *
 * <p>The page is the Zyte benchmark page (read in place from the shared data folder, never copied)
 * closest to 100 KB among those the extractor turns into a listing with a price, or the file named by {@code -Dextract.page=<path>} (plain or
 * gzip HTML).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBenchmark {
    static final List<Path> DATASETS = List.of(
            Path.of("../shared/data/01_product_extraction/zyte-product-extraction-benchmark/dataset/html"),
            Path.of("../../shared/data/01_product_extraction/zyte-product-extraction-benchmark/dataset/html"),
            Path.of("/work/shared/data/01_product_extraction/zyte-product-extraction-benchmark/dataset/html"));
    static final int TARGET_SIZE = 100 * 1024;
    static final String URL = "https://shop.example/product/1";

    private byte[] html;
    private FetchedPage page;
    private HtmlListingExtractor extractor;

    @Setup
    public void setUp() throws IOException {
        Path file = System.getProperty("extract.page") != null ? Path.of(System.getProperty("extract.page"))
                : closestTo100Kb();
        html = read(file);
        page = new FetchedPage(URL, "web", 200, "text/html; charset=utf-8", html, null);
        extractor = new HtmlListingExtractor();
        Optional<Listing> check = extractor.extract(page);
        System.out.printf("%npage %s: %d bytes, listing %s%n", file.getFileName(), html.length,
                check.map(l -> l.title() + " / " + l.price()).orElse("none"));
    }

    static Path closestTo100Kb() throws IOException {
        Path folder = DATASETS.stream().filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("Zyte dataset not found; give -Dextract.page=<file>"));
        HtmlListingExtractor probe = new HtmlListingExtractor();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".html.gz"))
                    .filter(p -> probe.extract(new FetchedPage(URL, "web", 200, "text/html", read(p), null))
                            .map(l -> l.price() != null).orElse(false))
                    .min(Comparator.comparingLong(p -> Math.abs(uncompressedSize(p) - TARGET_SIZE)))
                    .orElseThrow();
        }
    }

    private static long uncompressedSize(Path p) {
        return read(p).length;
    }

    static byte[] read(Path file) {
        try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                : Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The floor: what jsoup alone needs to turn the bytes into a DOM (charset sniffing included). */
    @Benchmark
    public Document bareJsoupParse() throws IOException {
        return Jsoup.parse(new ByteArrayInputStream(html), null, URL);
    }

    /** Parse plus every source: JSON-LD, microdata, OpenGraph, embedded JSON, visible-page heuristics. */
    @Benchmark
    public Optional<Listing> extract() {
        return extractor.extract(page);
    }
}
