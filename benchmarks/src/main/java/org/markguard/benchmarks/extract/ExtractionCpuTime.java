package org.markguard.benchmarks.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.markguard.api.FetchedPage;
import org.markguard.api.Listing;
import org.markguard.extract.HtmlListingExtractor;

/**
 * The extraction/parse ratio of {@link ExtractionBenchmark} by CPU time rather than wall time, on a
 * machine shared with other builds: a bare parse and an extraction of the same page alternate, each
 * timed by this thread's CPU clock, so load from other processes slows neither one more than the
 * other. Prints the median of each and their ratio (parse / extract, as pages/s extract ÷ pages/s
 * parse). Same page as the JMH benchmark.
 *
 * <p>{@code java -cp benchmarks/target/markguard-benchmarks.jar
 * org.markguard.benchmarks.extract.ExtractionCpuTime [rounds=3000]}
 */
public final class ExtractionCpuTime {
    private ExtractionCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path file = System.getProperty("extract.page") != null ? Path.of(System.getProperty("extract.page"))
                : ExtractionBenchmark.closestTo100Kb();
        byte[] html = ExtractionBenchmark.read(file);
        FetchedPage page = new FetchedPage(ExtractionBenchmark.URL, "web", 200, "text/html; charset=utf-8", html, null);
        HtmlListingExtractor extractor = new HtmlListingExtractor();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] parse = new long[rounds];
        long[] extract = new long[rounds];
        long sink = 0;
        for (int warm = 0; warm < rounds / 2; warm++) { // JIT warm-up, not measured
            sink += Jsoup.parse(new ByteArrayInputStream(html), null, ExtractionBenchmark.URL).childNodeSize();
            sink += extractor.extract(page).map(l -> 1).orElse(0);
        }
        for (int i = 0; i < rounds; i++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            sink += Jsoup.parse(new ByteArrayInputStream(html), null, ExtractionBenchmark.URL).childNodeSize();
            long t1 = cpu.getCurrentThreadCpuTime();
            Optional<Listing> listing = extractor.extract(page);
            long t2 = cpu.getCurrentThreadCpuTime();
            sink += listing.isPresent() ? 1 : 0;
            parse[i] = t1 - t0;
            extract[i] = t2 - t1;
        }
        double parseMedian = median(parse) / 1e3;
        double extractMedian = median(extract) / 1e3;
        System.out.printf("page %s (%d bytes), %d rounds (sink %d)%n", file.getFileName(), html.length, rounds, sink);
        System.out.printf("bare parse  median CPU %.0f µs/page (%.0f pages/s per core)%n", parseMedian, 1e6 / parseMedian);
        System.out.printf("extract     median CPU %.0f µs/page (%.0f pages/s per core)%n", extractMedian,
                1e6 / extractMedian);
        System.out.printf("ratio extract/parse pages/s: %.2f%n", parseMedian / extractMedian);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
